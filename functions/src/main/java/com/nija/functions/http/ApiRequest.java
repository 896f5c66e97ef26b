package com.nija.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.shared.input.InputLimits;
import com.nija.shared.json.Json;
import com.nija.shared.json.JsonRefusals;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.PayloadTooLargeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Read-side of an HTTP API v2.0 event. Identity comes only from the JWT authorizer's verified claims,
 * never from the body, the path or a header the client controls.
 */
public final class ApiRequest {
    private final APIGatewayV2HTTPEvent event;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    public String requestId() {
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }

    /**
     * The caller's user id: the verified token's {@code sub}. Only routes behind the authorizer call this; a token
     * without a usable {@code sub} is refused with 401.
     */
    public String userId() {
        String sub = claim("sub").orElseThrow(() -> new InvalidTokenException("the token has no sub claim"));
        if (!InputLimits.Id.USER.accepts(sub)) {
            throw new InvalidTokenException("the token's sub claim is not a user id ("
                    + InputLimits.Id.USER.rule() + ")");
        }
        return sub;
    }

    /** The caller's address as API Gateway saw it ({@code requestContext.http.sourceIp}), or null. */
    public String sourceIp() {
        var context = event.getRequestContext();
        return context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
    }

    /** True when the JWT authorizer let this request through: the route needs a token, so the caller must be named. */
    public boolean authorized() {
        var context = event.getRequestContext();
        return context != null && context.getAuthorizer() != null && context.getAuthorizer().getJwt() != null;
    }

    public Optional<String> claim(String name) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        return claims == null ? Optional.empty() : Optional.ofNullable(claims.get(name)).filter(s -> !s.isBlank());
    }

    /** Groups from {@code cognito:groups}. */
    public java.util.Set<String> groups() {
        return claimValues("cognito:groups");
    }

    /**
     * The values of an array claim ({@code cognito:groups}, {@code amr}), however the authorizer rendered it:
     * {@code [admin finance]} (API Gateway HTTP API), a JSON array, or comma-separated.
     */
    public java.util.Set<String> claimValues(String name) {
        String raw = claim(name).orElse("");
        java.util.Set<String> values = new java.util.HashSet<>();
        for (String v : raw.replaceAll("[\\[\\]\"]", " ").split("[\\s,]+")) {
            if (!v.isBlank()) values.add(v);
        }
        return values;
    }

    /** The caller as the audit trail records them: id, groups, request id and source IP. */
    public com.nija.shared.audit.Actor actor() {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return new com.nija.shared.audit.Actor(userId(), groups().stream().sorted().toList(), requestId(),
                http == null ? null : http.getSourceIp());
    }

    /** Refuses (403) a caller who is not in {@code group}; the authorizer checks too, this is defence in depth. */
    public void requireGroup(String group) {
        if (!groups().contains(group)) {
            throw new com.nija.shared.problem.ForbiddenException("this needs the " + group + " group");
        }
    }

    /** A path parameter as API Gateway decoded it ({@code {id}} in the route's path), or null. */
    public String pathParameter(String name) {
        Map<String, String> p = event.getPathParameters();
        return p == null ? null : p.get(name);
    }

    public Optional<String> query(String name) {
        Map<String, String> q = event.getQueryStringParameters();
        return q == null ? Optional.empty() : Optional.ofNullable(q.get(name));
    }

    /** An integer query parameter within [min, max], or the default when absent. */
    public int queryInt(String name, int defaultValue, int min, int max) {
        Optional<String> raw = query(name);
        if (raw.isEmpty()) return defaultValue;
        try {
            int value = Integer.parseInt(raw.get().trim());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException ignored) {
            // same refusal as out of range
        }
        throw InvalidInputException.of(name, "must be a whole number from " + min + " to " + max);
    }

    /** Header value by case-insensitive name (HTTP API lower-cases them, but be lenient with hand-made events). */
    public Optional<String> header(String name) {
        return Headers.find(event.getHeaders(), name);
    }

    /**
     * The body as sent (signed routes verify these exact bytes); 413 past {@link InputLimits#MAX_JSON_BODY_BYTES},
     * so no route reads more than that, whatever the gateway lets through.
     */
    public String rawBody() {
        String encoded = event.getBody();
        if (encoded == null) return "";
        // The encoded size bounds the decoded one (base64 only shrinks), so this check costs no decoding.
        if (encoded.length() > InputLimits.MAX_JSON_BODY_BYTES * 4L / 3 + 4) tooLarge();
        String raw;
        try {
            raw = event.getIsBase64Encoded()
                    ? new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8) : encoded;
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("body", "is not valid base64");
        }
        if (raw.length() > InputLimits.MAX_JSON_BODY_BYTES
                || raw.getBytes(StandardCharsets.UTF_8).length > InputLimits.MAX_JSON_BODY_BYTES) {
            tooLarge();
        }
        return raw;
    }

    /**
     * The JSON body as {@code type}, read strictly ({@link Json#REQUEST}: one document, no type coercion). 413 past
     * {@link InputLimits#MAX_JSON_BODY_BYTES}; a missing, non-JSON or unreadable body is a 400 naming the field.
     */
    public <T> T body(Class<T> type) {
        String contentType = header("content-type").orElse("application/json");
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw InvalidInputException.of("body", "send JSON with Content-Type: application/json");
        }
        String raw = rawBody();
        if (raw.isBlank()) throw InvalidInputException.of("body", "is required");
        try {
            T value = Json.REQUEST.forType(type).readValue(raw);
            if (value == null) throw InvalidInputException.of("body", "must be a JSON object");
            return value;
        } catch (NumberFormatException tooLarge) {
            // Jackson reports a number it cannot hold (an exponent beyond int, e.g. 1e888888888888) this way.
            throw InvalidInputException.of("body", "holds a number too large to read");
        } catch (JsonProcessingException e) {
            throw JsonRefusals.of(e);
        }
    }

    private static void tooLarge() {
        throw new PayloadTooLargeException("the body is over " + InputLimits.MAX_JSON_BODY_BYTES / 1024
                + " KB, the most this route reads");
    }
}
