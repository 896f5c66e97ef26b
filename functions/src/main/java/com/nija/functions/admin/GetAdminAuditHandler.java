package com.nija.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.audit.AuditTrail;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code GET /api/v1/admin/audit?trader=&from=&to=&limit=&cursor=} — admin group. The audit trail, newest first: one
 * trader's ({@code trader}, or {@code platform} for the kill switch and other platform changes) or everyone's
 * ({@code from}–{@code to} at most 366 days; default the last 30); 1–100 a page (default 50), signed {@code nextCursor}.
 * 200; 400 a bad instant, trader id, limit or cursor, or from after to; 403 not admin.
 */
public class GetAdminAuditHandler extends ApiHandler {
    @Inject AuditTrail trail;

    public GetAdminAuditHandler() {}

    public GetAdminAuditHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.requireGroup("admin");
        int limit = request.queryInt("limit", 50, 1, AuditTrail.MAX_LIMIT);
        return Responses.ok(trail.page(request.userId(), request.query("trader").orElse(null),
                request.query("from").orElse(null), request.query("to").orElse(null), limit,
                request.query("cursor").orElse(null)));
    }

    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER, "admin");
        event.setQueryStringParameters(Map.of("limit", "1", "trader", Priming.USER));
        return event;
    }
}
