package com.nija.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.shared.problem.DomainException;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.NotFoundException;
import com.nija.shared.problem.ConflictException;
import com.nija.shared.problem.ForbiddenException;
import com.nija.shared.problem.UnauthorizedException;
import com.nija.shared.problem.VersionConflictException;
import com.nija.shared.signals.SignalAuthException;
import com.nija.shared.signals.StaleSignalException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem responses, and the one place domain refusals become HTTP statuses.
 * Types are stable URIs {@code https://nija.dev/problems/<slug>} that clients can switch on.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://nija.dev/problems/";

    private Problems() {}

    /** Status and title per refusal kind: the one place domain exceptions become HTTP. */
    private record Mapping(int status, String title) {}

    private static final Map<Class<? extends DomainException>, Mapping> MAPPINGS = Map.of(
            NotFoundException.class, new Mapping(404, "Not found"),
            VersionConflictException.class, new Mapping(412, "Changed since you read it"),
            PreconditionRequiredException.class, new Mapping(428, "Precondition required"),
            StaleSignalException.class, new Mapping(422, "Signal too old"),
            SignalAuthException.class, new Mapping(401, "Unauthorized"),
            UnauthorizedException.class, new Mapping(401, "Unauthorized"),
            ForbiddenException.class, new Mapping(403, "Forbidden"),
            ConflictException.class, new Mapping(409, "Conflict"));

    public static APIGatewayV2HTTPResponse from(DomainException e, String instance) {
        if (e instanceof InvalidInputException invalid) {
            return of(invalid.wellFormed() ? 422 : 400, e.problemType(),
                    invalid.wellFormed() ? "The request breaks a rule" : "The request is malformed", e.getMessage(),
                    instance, Map.of("errors", invalid.violations()));
        }
        Mapping m = MAPPINGS.getOrDefault(e.getClass(), new Mapping(400, "Request refused"));
        APIGatewayV2HTTPResponse response = of(m.status(), e.problemType(), m.title(), e.getMessage(), instance, Map.of());
        if (e instanceof UnauthorizedException) {
            // RFC 6750 §3: a bearer token that was refused says so, and why, in WWW-Authenticate.
            Map<String, String> headers = new LinkedHashMap<>(response.getHeaders());
            headers.put("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + e.getMessage() + "\"");
            response.setHeaders(headers);
        }
        return response;
    }

    public static APIGatewayV2HTTPResponse of(int status, String slug, String title, String detail, String instance,
                                              Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) body.put("detail", detail);
        if (instance != null) body.put("instance", instance);
        body.putAll(extra);
        return Responses.json(status, body, Map.of("Content-Type", CONTENT_TYPE));
    }
}
