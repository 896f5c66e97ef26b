package com.nija.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.shared.problem.DomainException;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.NotFoundException;
import com.nija.shared.problem.ConflictException;
import com.nija.shared.problem.ForbiddenException;
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

    public static APIGatewayV2HTTPResponse from(DomainException e, String instance) {
        Map<String, Object> extra = new LinkedHashMap<>();
        int status;
        String title;
        if (e instanceof InvalidInputException invalid) {
            status = invalid.wellFormed() ? 422 : 400;
            title = invalid.wellFormed() ? "The request breaks a rule" : "The request is malformed";
            extra.put("errors", invalid.violations());
        } else if (e instanceof NotFoundException) {
            status = 404;
            title = "Not found";
        } else if (e instanceof VersionConflictException) {
            status = 412;
            title = "Changed since you read it";
        } else if (e instanceof PreconditionRequiredException) {
            status = 428;
            title = "Precondition required";
        } else if (e instanceof StaleSignalException) {
            status = 422;
            title = "Signal too old";
        } else if (e instanceof SignalAuthException) {
            status = 401;
            title = "Unauthorized";
        } else if (e instanceof ForbiddenException) {
            status = 403;
            title = "Forbidden";
        } else if (e instanceof ConflictException) {
            status = 409;
            title = "Conflict";
        } else {
            status = 400;
            title = "Request refused";
        }
        return of(status, e.problemType(), title, e.getMessage(), instance, extra);
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
