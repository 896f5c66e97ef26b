package com.nija.functions.audit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.audit.AuditTrail;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code GET /api/v1/audit?from=&to=&limit=&cursor=} — the caller's own audit trail, newest first: every change they,
 * an admin or billing made to their account, with who, when, from where and what changed. 1–100 a page (default 50),
 * signed {@code nextCursor}. 200; 400 a bad instant, limit or cursor, or from after to.
 */
public class GetAuditHandler extends ApiHandler {
    @Inject AuditTrail trail;

    public GetAuditHandler() {}

    public GetAuditHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        int limit = request.queryInt("limit", 50, 1, AuditTrail.MAX_LIMIT);
        return Responses.ok(trail.page(request.userId(), request.userId(), request.query("from").orElse(null),
                request.query("to").orElse(null), limit, request.query("cursor").orElse(null)));
    }
}
