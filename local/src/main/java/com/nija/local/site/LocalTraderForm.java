package com.nija.local.site;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.http.Problems;
import com.nija.shared.input.InputLimits;
import com.nija.shared.json.Json;
import com.nija.shared.problem.InvalidInputException.Violation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the local platform's own forms ({@code /local/sign-in}, {@code /local/sign-up}) accept: a JSON body from this
 * platform's own pages (a request that says it comes from another origin is refused, so a form on another site cannot
 * post here without a CORS preflight, which is never granted) naming a trader id. Either the body or the problem.
 */
record LocalTraderForm(JsonNode body, String traderId, APIGatewayV2HTTPResponse problem) {
    private static final int MAX_BODY_CHARS = 1024;

    static LocalTraderForm read(String path, Function<String, String> header, String body) {
        String origin = header.apply("Origin");
        String host = header.apply("Host");
        if (origin != null && (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host)))) {
            return refused(Problems.of(403, "forbidden", "Forbidden", "this is only served to this platform's own pages",
                    path, Map.of()));
        }
        String type = header.apply("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return refused(invalid(path, 415, "unsupported-media-type", "body",
                    "must be JSON (Content-Type: application/json)"));
        }
        if (body.length() > MAX_BODY_CHARS) {
            return refused(invalid(path, 413, "payload-too-large", "body",
                    "must be at most " + MAX_BODY_CHARS + " characters"));
        }
        Optional<JsonNode> json = Json.readTree(body).filter(JsonNode::isObject);
        if (json.isEmpty()) return refused(invalid(path, 400, "invalid-input", "body", "must be a JSON object"));
        JsonNode id = json.get().get("traderId");
        String traderId = id != null && id.isTextual() ? id.textValue() : null;
        Optional<Violation> violation = InputLimits.checkId(InputLimits.Id.USER, "traderId", traderId);
        if (violation.isPresent()) {
            return refused(Problems.of(422, "rule-violation", "The request breaks a rule",
                    "traderId: " + violation.get().message(), path, Map.of("errors", List.of(violation.get()))));
        }
        return new LocalTraderForm(json.get(), traderId, null);
    }

    private static LocalTraderForm refused(APIGatewayV2HTTPResponse problem) {
        return new LocalTraderForm(null, null, problem);
    }

    static APIGatewayV2HTTPResponse invalid(String path, int status, String slug, String field, String message) {
        return Problems.of(status, slug, status == 400 ? "The request is malformed" : "Request refused",
                field + ": " + message, path, Map.of("errors", List.of(new Violation(field, message))));
    }
}
