package com.nija.local.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * API Gateway's {@code @connections} management API on the gateway's port, so the functions' real
 * {@code ApiGatewayManagementApiClient} works against it with only an endpoint override:
 * <ul>
 *   <li>{@code POST /@connections/{id}} — the body, byte for byte, goes to the client as one message: 200; 410 Gone
 *       when the connection is not open; 413 over 128 KB;</li>
 *   <li>{@code GET /@connections/{id}} — {@code connectedAt}, {@code lastActiveAt}, {@code identity}: 200 or 410;</li>
 *   <li>{@code DELETE /@connections/{id}} — closes the connection ({@code $disconnect} follows): 204 or 410.</li>
 * </ul>
 * Errors carry {@code x-amzn-ErrorType} as AWS sends it, which is what the SDK maps to {@code GoneException} and
 * friends. Like AWS it wants a SigV4-signed request (the signature itself is not checked locally): 403 otherwise.
 * Served on the event loop (each call is a map lookup and a write), never through the HTTP routes: the SDK sends
 * binary bodies as {@code application/json}, which an HTTP API event would turn into text.
 */
final class ConnectionsApi {
    static final String PREFIX = "/@connections/";
    /** API Gateway's limit for one posted message. */
    static final int MAX_POST_BYTES = 128 * 1024;

    private final WebSocketApi api;

    ConnectionsApi(WebSocketApi api) {
        this.api = api;
    }

    static boolean isManagementPath(String uri) {
        return HttpApiEvents.Target.of(uri).rawPath().startsWith(PREFIX);
    }

    FullHttpResponse handle(FullHttpRequest request) {
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            return error(HttpResponseStatus.FORBIDDEN, "ForbiddenException", "Missing Authentication Token");
        }
        String raw = HttpApiEvents.Target.of(request.uri()).rawPath().substring(PREFIX.length());
        if (raw.isEmpty() || raw.contains("/")) {
            return error(HttpResponseStatus.NOT_FOUND, "NotFoundException", "No connection id in the path");
        }
        String connectionId = RouteMatcher.decodeSegment(raw);
        return switch (request.method().name()) {
            case "POST" -> post(connectionId, request.content());
            case "GET" -> api.info(connectionId).map(ConnectionsApi::info).orElseGet(ConnectionsApi::gone);
            case "DELETE" -> api.disconnect(connectionId) ? empty(HttpResponseStatus.NO_CONTENT) : gone();
            default -> error(HttpResponseStatus.METHOD_NOT_ALLOWED, "MethodNotAllowedException",
                    "Use POST, GET or DELETE");
        };
    }

    private FullHttpResponse post(String connectionId, ByteBuf body) {
        if (body.readableBytes() > MAX_POST_BYTES) {
            return error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "PayloadTooLargeException",
                    "Message too long; the limit is " + MAX_POST_BYTES + " bytes");
        }
        return api.send(connectionId, ByteBufUtil.getBytes(body)) ? empty(HttpResponseStatus.OK) : gone();
    }

    private static FullHttpResponse info(WebSocketApi.Info info) {
        return json(HttpResponseStatus.OK, "{\"connectedAt\":\"" + info.connectedAt() + "\",\"identity\":{\"sourceIp\":"
                + quoted(info.sourceIp()) + ",\"userAgent\":" + quoted(info.userAgent()) + "},\"lastActiveAt\":\""
                + info.lastActiveAt() + "\"}");
    }

    private static FullHttpResponse gone() {
        return error(HttpResponseStatus.GONE, "GoneException", null);
    }

    private static FullHttpResponse error(HttpResponseStatus status, String type, String message) {
        FullHttpResponse response = json(status, "{\"message\":" + quoted(message) + "}");
        response.headers().set("x-amzn-ErrorType", type);
        return response;
    }

    private static FullHttpResponse empty(HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        return response;
    }

    private static FullHttpResponse json(HttpResponseStatus status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }

    private static String quoted(String s) {
        if (s == null) return "null";
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
