package com.nija.local.site;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.http.Problems;
import com.nija.functions.http.Responses;
import com.nija.local.auth.TokenIssuer;
import com.nija.shared.input.InputLimits;
import com.nija.shared.json.Json;
import com.nija.shared.problem.InvalidInputException.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /local/sign-in {"traderId"}}: the local platform's sign-in form. It issues the same dev token as
 * {@code nija-local token --user ID} (anyone on this machine can already do that; the platform listens on loopback
 * only), so the dashboard needs no identity provider locally. Never served in AWS, where Cognito signs people in.
 *
 * <p>Only a JSON body is read, so a form on another site cannot post here without a CORS preflight, which is never
 * granted; a request that says it comes from another origin is refused outright.
 */
final class LocalSignIn {
    static final String PATH = "/local/sign-in";
    static final Duration TTL = Duration.ofHours(12);
    private static final int MAX_BODY_CHARS = 1024;

    private final TokenIssuer tokens;

    LocalSignIn(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    APIGatewayV2HTTPResponse handle(Function<String, String> header, String body) {
        String origin = header.apply("Origin");
        String host = header.apply("Host");
        if (origin != null && (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host)))) {
            return Problems.of(403, "forbidden", "Forbidden", "sign-in is only served to this platform's own pages",
                    PATH, Map.of());
        }
        String type = header.apply("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return invalid(415, "unsupported-media-type", "body", "must be JSON (Content-Type: application/json)");
        }
        if (body.length() > MAX_BODY_CHARS) {
            return invalid(413, "payload-too-large", "body", "must be at most " + MAX_BODY_CHARS + " characters");
        }
        Optional<JsonNode> json = Json.readTree(body).filter(JsonNode::isObject);
        if (json.isEmpty()) return invalid(400, "invalid-input", "body", "must be a JSON object");
        JsonNode id = json.get().get("traderId");
        String traderId = id != null && id.isTextual() ? id.textValue() : null;
        Optional<Violation> violation = InputLimits.checkId(InputLimits.Id.USER, "traderId", traderId);
        if (violation.isPresent()) {
            return Problems.of(422, "rule-violation", "The request breaks a rule",
                    "traderId: " + violation.get().message(), PATH, Map.of("errors", List.of(violation.get())));
        }
        String token = tokens.issue(traderId, List.of(), TTL);
        return Responses.json(200, Map.of("traderId", traderId, "token", token, "expiresIn", TTL.toSeconds()),
                Map.of("Cache-Control", "no-store"));
    }

    private static APIGatewayV2HTTPResponse invalid(int status, String slug, String field, String message) {
        return Problems.of(status, slug, status == 400 ? "The request is malformed" : "Request refused",
                field + ": " + message, PATH, Map.of("errors", List.of(new Violation(field, message))));
    }
}
