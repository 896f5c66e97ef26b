package com.nija.functions.admin;

import java.util.Set;
import java.util.EnumSet;
import com.nija.shared.audit.AuditAspect;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.EngineWrite;
import com.nija.functions.http.Responses;
import com.nija.shared.admin.TraderAdmin;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code POST /api/v1/admin/traders/{id}/flatten} {@code {"reason": "…"}} — admin group. Closes every open position of
 * the trader at market, each once (a retry closes nothing twice: positions closed or closing are listed, not closed
 * again). 200 {@code {traderId, closed: [{positionId, orderId, status}], alreadyClosing: [positionId]}}, a close's
 * status FILLED, FAILED at the broker (the position stays open), or SUBMITTED/RESTING at a live venue; 400 no reason,
 * not a trader id or not JSON; 422 a reason over 500 characters; 403 not admin; 404 no such trader.
 */
public class FlattenTraderHandler extends ApiHandler implements EngineWrite {
    @Inject TraderAdmin admin;

    public FlattenTraderHandler() {}

    public FlattenTraderHandler(ApplicationContext context) {
        super(context);
    }

    record Body(String reason) {}

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.requireGroup("admin");
        return Responses.ok(admin.flatten(request.pathParameter("id"), request.body(Body.class).reason()));
    }

    /** Not primed: it only writes. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return null;
    }

    /** It changes which positions are open. */
    @Override
    protected Set<AuditAspect> auditedAspects() {
        return EnumSet.of(AuditAspect.POSITIONS);
    }
}
