package com.nija.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.audit.AuditAspect;
import com.nija.shared.audit.AuditLog;
import com.nija.shared.audit.AuditSubjects;
import com.nija.shared.input.InputLimits;
import com.nija.shared.json.Json;
import io.micronaut.context.ApplicationContext;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The audit trail's one hook in the HTTP layer: every route a person calls with a token and a method that writes
 * (every write route of the route table but the public ones, whose changes are not a person's) is recorded when it
 * succeeds, with the caller, their groups, the request id and source IP, the target (the trader the route acts on: the
 * caller, the {@code {id}} of an admin trader route, or the platform for other staff writes), the reason from the body
 * when it gives one (only that field: bodies may hold keys) and what changed ({@link AuditSubjects} before and after,
 * of only the aspects the route says it changes).
 * A refused request changed nothing and is not recorded. A record that cannot be written fails the request (500).
 */
final class AuditedWrites {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String ADMIN_TRADERS = ApiHandler.STAFF_PATH + "traders/";

    private AuditedWrites() {}

    static APIGatewayV2HTTPResponse run(ApplicationContext context, ApiRequest request, AuditPolicy policy,
                                        Set<AuditAspect> aspects,
                                        Supplier<APIGatewayV2HTTPResponse> handle) {
        boolean recorded = policy == AuditPolicy.ALSO_READS || !READS.contains(method(request.event()));
        String target = request.authorized() && recorded ? target(request) : null;
        if (target == null) return handle.get();
        AuditSubjects subjects = context.getBean(AuditSubjects.class);
        Map<String, String> before = subjects.summarize(target, aspects);
        APIGatewayV2HTTPResponse response = handle.get();
        if (response.getStatusCode() / 100 == 2) {
            context.getBean(AuditLog.class).record(request.actor(), target, action(request.event()), reason(request),
                    before, subjects.summarize(target, aspects));
        }
        return response;
    }

    /** Null when there is nothing to record: the route would refuse its target id anyway. */
    private static String target(ApiRequest request) {
        String path = request.event().getRawPath() == null ? "" : request.event().getRawPath();
        if (path.startsWith(ADMIN_TRADERS)) {
            String id = request.pathParameter("id");
            return InputLimits.Id.USER.accepts(id) ? id : null;
        }
        return path.startsWith(ApiHandler.STAFF_PATH) ? AuditLog.PLATFORM : request.userId();
    }

    private static String action(APIGatewayV2HTTPEvent event) {
        String routeKey = event.getRouteKey();
        return routeKey != null && !routeKey.isBlank() && !routeKey.startsWith("$") ? routeKey
                : method(event) + " " + event.getRawPath();
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        String method = context == null || context.getHttp() == null ? null : context.getHttp().getMethod();
        return method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    }

    /** The body's {@code reason} when it is a JSON object with one (the route already read and checked the body). */
    private static String reason(ApiRequest request) {
        try {
            JsonNode body = Json.MAPPER.readTree(request.rawBody());
            JsonNode reason = body == null ? null : body.get("reason");
            return reason != null && reason.isTextual() ? reason.asText() : null;
        } catch (java.io.IOException | RuntimeException notJson) {
            return null; // a route without a JSON body (pause, resume, delete) gives no reason
        }
    }
}
