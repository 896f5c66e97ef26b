package com.nija.local.gateway;

import com.nija.shared.config.PlatformClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestIdentity;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the events API Gateway WebSocket APIs send to Lambda proxy integrations: {@code CONNECT} with the upgrade
 * request's headers and query, {@code MESSAGE} with the frame's text, {@code DISCONNECT}; each with the connection's
 * id, its {@code connectedAt}, the caller's identity and the authorizer's context ({@code principalId} and the
 * token's claims, as a Lambda REQUEST authorizer passes them on to every event of the connection).
 */
final class WebSocketEvents {
    static final String STAGE = "local";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private WebSocketEvents() {
    }

    /** What every event of one connection shares. */
    record Connection(String connectionId, long connectedAt, String sourceIp, String userAgent, String domainName,
                      Map<String, Object> authorizer) {
    }

    static APIGatewayV2WebSocketEvent connect(Connection c, FullHttpRequest request, String requestId,
                                              GatewayOptions options) {
        APIGatewayV2WebSocketEvent event = base(c, "$connect", "CONNECT", requestId, null, options);
        event.setHeaders(headers(request, c.sourceIp()));
        Map<String, List<String>> multi = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : request.headers()) {
            multi.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
        }
        event.setMultiValueHeaders(multi);
        Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
        if (!query.isEmpty()) {
            event.setQueryStringParameters(query(request));
            event.setMultiValueQueryStringParameters(new LinkedHashMap<>(query));
        }
        return event;
    }

    /**
     * The REQUEST authorizer's input for an upgrade request, as API Gateway sends it before {@code $connect}:
     * type, the connect route's method ARN, the request's headers and query.
     */
    static APIGatewayCustomAuthorizerEvent authorize(FullHttpRequest request, String sourceIp, String requestId,
                                                     GatewayOptions options) {
        APIGatewayCustomAuthorizerEvent.RequestContext context = new APIGatewayCustomAuthorizerEvent.RequestContext();
        context.setApiId(options.apiId());
        context.setAccountId(options.accountId());
        context.setStage(STAGE);
        context.setRequestId(requestId);
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setMethodArn("arn:aws:execute-api:local:" + options.accountId() + ":" + options.apiId() + "/" + STAGE
                + "/$connect");
        event.setHeaders(headers(request, sourceIp));
        Map<String, String> query = query(request);
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        event.setRequestContext(context);
        return event;
    }

    private static Map<String, String> headers(FullHttpRequest request, String sourceIp) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : request.headers()) {
            headers.merge(h.getKey(), h.getValue(), (a, b) -> a + "," + b);
        }
        headers.putIfAbsent("X-Forwarded-For", sourceIp);
        return headers;
    }

    private static Map<String, String> query(FullHttpRequest request) {
        Map<String, String> single = new LinkedHashMap<>();
        new QueryStringDecoder(request.uri()).parameters().forEach((k, v) -> single.put(k, v.get(v.size() - 1)));
        return single;
    }

    static APIGatewayV2WebSocketEvent message(Connection c, String routeKey, String body, String requestId,
                                              String messageId, GatewayOptions options) {
        APIGatewayV2WebSocketEvent event = base(c, routeKey, "MESSAGE", requestId, messageId, options);
        event.setBody(body);
        return event;
    }

    static APIGatewayV2WebSocketEvent disconnect(Connection c, String requestId, GatewayOptions options) {
        APIGatewayV2WebSocketEvent event = base(c, "$disconnect", "DISCONNECT", requestId, null, options);
        event.setHeaders(Map.of("Host", c.domainName(), "X-Forwarded-For", ""));
        return event;
    }

    private static APIGatewayV2WebSocketEvent base(Connection c, String routeKey, String eventType, String requestId,
                                                   String messageId, GatewayOptions options) {
        long now = PlatformClock.system().millis();
        RequestIdentity identity = new RequestIdentity();
        identity.setSourceIp(c.sourceIp());
        identity.setUserAgent(c.userAgent());
        RequestContext context = new RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setMessageId(messageId);
        context.setExtendedRequestId(requestId);
        context.setRequestId(requestId);
        context.setRequestTime(TIME.format(Instant.ofEpochMilli(now)));
        context.setRequestTimeEpoch(now);
        context.setMessageDirection("IN");
        context.setStage(STAGE);
        context.setConnectedAt(c.connectedAt());
        context.setConnectionId(c.connectionId());
        context.setDomainName(c.domainName());
        context.setApiId(options.apiId());
        context.setAccountId(options.accountId());
        context.setIdentity(identity);
        context.setAuthorizer(c.authorizer() == null ? null : new LinkedHashMap<>(c.authorizer()));
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setIsBase64Encoded(false);
        return event;
    }
}
