package com.nija.functions.live;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.shared.json.Json;
import com.nija.shared.live.LiveSessions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages routes answer with (JSON text, whatever the connection's push format), each with a {@code type}:
 * {@code subscribed}, {@code unsubscribed}, {@code pong} or {@code error}, and the client's {@code id} when it sent
 * one.
 */
public final class WsReplies {
    private WsReplies() {}

    public static APIGatewayV2WebSocketResponse state(String type, Object clientId, LiveSessions.State state) {
        Map<String, Object> body = start(type, clientId);
        body.put("channels", state.channels());
        body.put("format", state.format().wireName());
        if (state.expiresAt() != null) body.put("expiresAt", state.expiresAt());
        return reply(200, body);
    }

    public static APIGatewayV2WebSocketResponse pong(Object clientId, Instant now) {
        Map<String, Object> body = start("pong", clientId);
        body.put("serverTime", now);
        body.put("serverTimeMs", now.toEpochMilli());
        return reply(200, body);
    }

    /**
     * @param error stable slug: {@code unknown-action}, {@code invalid-input}, {@code rule-violation},
     *              {@code not-found}, {@code unauthorized}, {@code internal}
     */
    public static APIGatewayV2WebSocketResponse error(int status, String error, String message, Object clientId,
                                                      String action) {
        Map<String, Object> body = start("error", clientId);
        body.put("error", error);
        body.put("message", message);
        if (action != null) body.put("action", action);
        return reply(status, body);
    }

    /** A response with no body (the {@code $connect} and {@code $disconnect} routes send nothing to the client). */
    public static APIGatewayV2WebSocketResponse empty(int status, Map<String, String> headers) {
        APIGatewayV2WebSocketResponse r = new APIGatewayV2WebSocketResponse();
        r.setStatusCode(status);
        if (!headers.isEmpty()) r.setHeaders(headers);
        return r;
    }

    private static Map<String, Object> start(String type, Object clientId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        if (clientId != null) body.put("id", clientId);
        return body;
    }

    private static APIGatewayV2WebSocketResponse reply(int status, Map<String, Object> body) {
        APIGatewayV2WebSocketResponse r = new APIGatewayV2WebSocketResponse();
        r.setStatusCode(status);
        r.setHeaders(Map.of("Content-Type", "application/json"));
        try {
            r.setBody(Json.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reply not serializable", e);
        }
        return r;
    }
}
