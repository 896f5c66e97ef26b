package com.nija.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.shared.billing.BillingNotConfiguredException;
import com.nija.shared.billing.BillingUnavailableException;
import com.nija.shared.billing.StripeEventInProgressException;
import com.nija.shared.billing.StripeWebhookNotConfiguredException;
import com.nija.shared.problem.DomainException;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.NotFoundException;
import com.nija.shared.problem.ConflictException;
import com.nija.shared.problem.ForbiddenException;
import com.nija.shared.problem.PayloadTooLargeException;
import com.nija.shared.problem.VersionConflictException;
import com.nija.shared.ratelimit.RateLimitedException;
import com.nija.shared.signals.SignalAuthException;
import com.nija.shared.signals.StaleSignalException;
import com.nija.shared.signin.SignInRefusedException;
import com.nija.shared.signin.SignInUnavailableException;
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

    private static final Map<Class<? extends DomainException>, Mapping> MAPPINGS = Map.ofEntries(
            Map.entry(NotFoundException.class, new Mapping(404, "Not found")),
            Map.entry(VersionConflictException.class, new Mapping(412, "Changed since you read it")),
            Map.entry(PreconditionRequiredException.class, new Mapping(428, "Precondition required")),
            Map.entry(StaleSignalException.class, new Mapping(422, "Signal too old")),
            Map.entry(SignalAuthException.class, new Mapping(401, "Unauthorized")),
            Map.entry(ForbiddenException.class, new Mapping(403, "Forbidden")),
            Map.entry(ConflictException.class, new Mapping(409, "Conflict")),
            Map.entry(StripeEventInProgressException.class, new Mapping(409, "Event being applied")),
            Map.entry(StripeWebhookNotConfiguredException.class, new Mapping(503, "Webhook not configured")),
            Map.entry(BillingNotConfiguredException.class, new Mapping(503, "Billing not configured")),
            Map.entry(BillingUnavailableException.class, new Mapping(503, "Billing unavailable")),
            Map.entry(PayloadTooLargeException.class, new Mapping(413, "Payload too large")),
            Map.entry(InvalidTokenException.class, new Mapping(401, "Unauthorized")),
            Map.entry(SignInRefusedException.class, new Mapping(401, "Sign in again")),
            Map.entry(SignInUnavailableException.class, new Mapping(503, "Sign-in unavailable")),
            Map.entry(RateLimitedException.class, new Mapping(429, "Too many requests")));

    public static APIGatewayV2HTTPResponse from(DomainException e, String instance) {
        if (e instanceof InvalidInputException invalid) {
            return of(invalid.wellFormed() ? 422 : 400, e.problemType(),
                    invalid.wellFormed() ? "The request breaks a rule" : "The request is malformed", e.getMessage(),
                    instance, Map.of("errors", invalid.violations()));
        }
        Mapping m = mapping(e.getClass());
        APIGatewayV2HTTPResponse response =
                of(m.status(), e.problemType(), m.title(), e.getMessage(), instance, e.extensions());
        if (e instanceof InvalidTokenException token) response.getHeaders().put("WWW-Authenticate", token.challenge());
        if (e instanceof RateLimitedException limited) response.getHeaders().putAll(RateLimitHeaders.of(limited.quota()));
        return response;
    }

    /** The mapping of {@code type} or of its nearest mapped superclass: a kind of conflict answers as a conflict. */
    private static Mapping mapping(Class<?> type) {
        for (Class<?> c = type; c != null && DomainException.class.isAssignableFrom(c); c = c.getSuperclass()) {
            Mapping m = MAPPINGS.get(c);
            if (m != null) return m;
        }
        return new Mapping(400, "Request refused");
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
