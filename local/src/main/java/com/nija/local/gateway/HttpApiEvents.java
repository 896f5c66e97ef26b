package com.nija.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Http;
import com.nija.functions.routes.Route;
import com.nija.local.auth.VerifiedToken;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an HTTP request into the event API Gateway HTTP APIs send with payload format 2.0: header names lower
 * case and repeated headers joined with commas, cookies taken out of the {@code Cookie} header into
 * {@code cookies}, repeated query parameters joined with commas, path parameters decoded, text bodies as they are
 * and any other body base64 encoded, the JWT authorizer's claims under {@code requestContext.authorizer.jwt}.
 * Fields that API Gateway leaves out (no query, no path parameters, no cookies, no body) are null.
 */
final class HttpApiEvents {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private HttpApiEvents() {
    }

    /** What the gateway knows about a request besides its HTTP message. */
    record Origin(String requestId, long epochMillis, String sourceIp, int localPort) {
    }

    /** Path and query of a request target, as sent. */
    record Target(String rawPath, String rawQuery) {
        static Target of(String uri) {
            String target = uri;
            int scheme = target.startsWith("/") ? -1 : target.indexOf("://");
            if (scheme >= 0) {
                // absolute-form (http://host:port/path?q): the path starts at the first '/' after the authority
                int authorityEnd = scheme + 3;
                while (authorityEnd < target.length() && "/?#".indexOf(target.charAt(authorityEnd)) < 0) {
                    authorityEnd++;
                }
                target = "/" + target.substring(Math.min(target.length(), authorityEnd)).replaceFirst("^/", "");
            }
            int hash = target.indexOf('#');
            if (hash >= 0) {
                target = target.substring(0, hash);
            }
            int q = target.indexOf('?');
            return q < 0 ? new Target(target, "") : new Target(target.substring(0, q), target.substring(q + 1));
        }
    }

    static APIGatewayV2HTTPEvent build(FullHttpRequest request, Target target, Route route,
                                       Map<String, String> pathParameters, VerifiedToken token,
                                       Origin origin, GatewayOptions options) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers().size() * 2);
        List<String> cookies = null;
        for (Map.Entry<String, String> h : request.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                cookies = addCookies(cookies, h.getValue());
                continue;
            }
            headers.merge(name, h.getValue(), (a, b) -> a + "," + b);
        }
        String forwardedFor = headers.get("x-forwarded-for");
        headers.put("x-forwarded-for", forwardedFor == null ? origin.sourceIp() : forwardedFor + ", " + origin.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-forwarded-port", Integer.toString(origin.localPort()));
        headers.putIfAbsent("x-amzn-trace-id", RequestIds.traceId(origin.epochMillis()));

        String host = hostName(headers.get("host"));
        int dot = host.indexOf('.');
        String userAgent = headers.get("user-agent");

        Authorizer authorizer = null;
        if (token != null) {
            // scopes stay null: API Gateway fills them only for routes with authorization scopes, which ours lack
            authorizer = Authorizer.builder()
                    .withJwt(Authorizer.JWT.builder().withClaims(new HashMap<>(token.claims())).withScopes(null).build())
                    .build();
        }
        RequestContext context = RequestContext.builder()
                .withAccountId(options.accountId())
                .withApiId(options.apiId())
                .withDomainName(host)
                .withDomainPrefix(dot < 0 ? host : host.substring(0, dot))
                .withHttp(Http.builder()
                        .withMethod(request.method().name())
                        .withPath(target.rawPath())
                        .withProtocol(request.protocolVersion().text())
                        .withSourceIp(origin.sourceIp())
                        .withUserAgent(userAgent == null ? "" : userAgent)
                        .build())
                .withRequestId(origin.requestId())
                .withRouteKey(route.routeKey())
                .withStage("$default")
                .withTime(TIME.format(Instant.ofEpochMilli(origin.epochMillis())))
                .withTimeEpoch(origin.epochMillis())
                .withAuthorizer(authorizer)
                .build();

        APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(target.rawPath())
                .withRawQueryString(target.rawQuery())
                .withCookies(cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(target.rawQuery()))
                .withPathParameters(pathParameters.isEmpty() ? null : new HashMap<>(pathParameters))
                .withRequestContext(context);
        ByteBuf content = request.content();
        if (content.isReadable()) {
            byte[] bytes = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), bytes);
            String contentType = headers.get("content-type");
            if (isText(contentType)) {
                event.withBody(new String(bytes, charset(contentType))).withIsBase64Encoded(false);
            } else {
                event.withBody(BASE64.encodeToString(bytes)).withIsBase64Encoded(true);
            }
        } else {
            event.withIsBase64Encoded(false);
        }
        return event.build();
    }

    private static List<String> addCookies(List<String> cookies, String header) {
        List<String> out = cookies == null ? new ArrayList<>(4) : cookies;
        int start = 0;
        while (start <= header.length()) {
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = header.length();
            }
            String cookie = header.substring(start, end).strip();
            if (!cookie.isEmpty()) {
                out.add(cookie);
            }
            start = end + 1;
        }
        return out.isEmpty() ? cookies : out;
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return null;
        }
        Map<String, List<String>> decoded = QueryStringDecoder.builder()
                .hasPath(false)
                .semicolonIsNormalChar(true)
                .build(rawQuery)
                .parameters();
        if (decoded.isEmpty()) {
            return null;
        }
        Map<String, String> joined = new LinkedHashMap<>(decoded.size() * 2);
        for (Map.Entry<String, List<String>> e : decoded.entrySet()) {
            joined.put(e.getKey(), String.join(",", e.getValue()));
        }
        return joined;
    }

    private static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return "localhost";
        }
        String host = hostHeader.strip();
        if (host.startsWith("[")) {   // [::1]:8080
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Content types API Gateway passes as text; everything else (and no content type) goes base64. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String mime = (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        return mime.startsWith("text/")
                || mime.endsWith("/json") || mime.endsWith("+json")
                || mime.endsWith("/xml") || mime.endsWith("+xml")
                || mime.equals("application/x-www-form-urlencoded")
                || mime.equals("application/javascript");
    }

    private static Charset charset(String contentType) {
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        String name = contentType.substring(at + "charset=".length());
        int semi = name.indexOf(';');
        name = (semi < 0 ? name : name.substring(0, semi)).strip().replace("\"", "");
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
