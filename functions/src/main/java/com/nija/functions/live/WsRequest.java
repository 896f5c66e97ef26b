package com.nija.functions.live;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.http.Headers;
import com.nija.shared.json.Json;
import com.nija.shared.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read side of a WebSocket API event. Identity comes only from the authorizer's context that API Gateway attaches
 * to every event of a connection ({@code principalId}, or the token's {@code sub}), never from a message.
 *
 * <p>Client messages are JSON objects: {@code {"action": "subscribe", "channels": ["orders"], "format": "json",
 * "id": "c1"}}; {@code id} is optional and echoed in the reply.
 */
public final class WsRequest {
    private final APIGatewayV2WebSocketEvent event;
    private JsonNode body;

    public WsRequest(APIGatewayV2WebSocketEvent event) {
        this.event = event;
    }

    public APIGatewayV2WebSocketEvent event() {
        return event;
    }

    public String connectionId() {
        return context().map(APIGatewayV2WebSocketEvent.RequestContext::getConnectionId).orElseThrow(() ->
                new IllegalStateException("not a WebSocket API event: no connection id"));
    }

    public String requestId() {
        return context().map(APIGatewayV2WebSocketEvent.RequestContext::getRequestId).orElse(null);
    }

    /** When API Gateway accepted the connection; null when the event does not say. */
    public Instant connectedAt() {
        long at = context().map(APIGatewayV2WebSocketEvent.RequestContext::getConnectedAt).orElse(0L);
        return at > 0 ? Instant.ofEpochMilli(at) : null;
    }

    /** The verified trader: the authorizer's {@code principalId}, else its {@code sub}; empty without an authorizer. */
    public Optional<String> userId() {
        Map<String, Object> authorizer = context().map(APIGatewayV2WebSocketEvent.RequestContext::getAuthorizer).orElse(null);
        if (authorizer == null) return Optional.empty();
        for (String key : List.of("principalId", "sub")) {
            Object v = authorizer.get(key);
            if (v != null && !v.toString().isBlank()) return Optional.of(v.toString());
        }
        return Optional.empty();
    }

    /**
     * The {@code @connections} URL of the API this connection is on, as AWS documents it for the default domain:
     * {@code https://<domainName>/<stage>}. Empty for other domains (custom domains, the local gateway): pushes then
     * use the pushing function's own callback URL.
     */
    public Optional<String> callbackEndpoint() {
        return context().filter(c -> c.getDomainName() != null && c.getStage() != null && !c.getStage().isBlank()
                        && c.getDomainName().endsWith(".amazonaws.com"))
                .map(c -> "https://" + c.getDomainName() + "/" + c.getStage());
    }

    public Optional<String> query(String name) {
        Map<String, String> q = event.getQueryStringParameters();
        return q == null ? Optional.empty() : Optional.ofNullable(q.get(name)).filter(s -> !s.isBlank());
    }

    /** A comma-separated query parameter as a list; empty when absent. */
    public List<String> queryList(String name) {
        return query(name).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public Optional<String> header(String name) {
        return Headers.find(event.getHeaders(), name);
    }

    /** The message as a JSON object; a body that is not one is a 400 refusal. */
    public JsonNode body() {
        if (body != null) return body;
        String raw = event.getBody();
        if (raw != null && event.isIsBase64Encoded()) {
            raw = new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8);
        }
        if (raw == null || raw.isBlank()) throw InvalidInputException.of("body", "send a JSON object with an action");
        JsonNode parsed = Json.readTree(raw).orElseThrow(() -> InvalidInputException.of("body", "is not valid JSON"));
        if (!parsed.isObject()) throw InvalidInputException.of("body", "must be a JSON object");
        body = parsed;
        return body;
    }

    /** The body's {@code action}, if the body is a JSON object with one. Never throws. */
    public Optional<String> action() {
        try {
            JsonNode a = body().get("action");
            return a != null && a.isTextual() ? Optional.of(a.asText()) : Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /** The client's correlation id ({@code id}: a string or a number), echoed in the reply. Never throws. */
    public Object clientId() {
        try {
            JsonNode id = body().get("id");
            if (id == null || id.isNull()) return null;
            if (id.isIntegralNumber()) return id.asLong();
            return id.isTextual() ? id.asText() : id.toString();
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** {@code channels}: an array of names, or one name. */
    public List<String> channels() {
        JsonNode c = body().get("channels");
        if (c == null || c.isNull()) c = body().get("channel");
        if (c == null || c.isNull()) throw InvalidInputException.of("channels", "name at least one channel");
        List<String> out = new ArrayList<>();
        if (c.isTextual()) {
            out.add(c.asText());
        } else if (c.isArray()) {
            for (JsonNode n : c) {
                if (!n.isTextual()) throw InvalidInputException.of("channels", "must be strings");
                out.add(n.asText());
            }
        } else {
            throw InvalidInputException.of("channels", "must be an array of channel names");
        }
        return out;
    }

    /** {@code format}, or null when absent. */
    public String format() {
        JsonNode f = body().get("format");
        if (f == null || f.isNull()) return null;
        if (!f.isTextual()) throw InvalidInputException.of("format", "must be json or msgpack");
        return f.asText();
    }

    private Optional<APIGatewayV2WebSocketEvent.RequestContext> context() {
        return Optional.ofNullable(event.getRequestContext());
    }
}
