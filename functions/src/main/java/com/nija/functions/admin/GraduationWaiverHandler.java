package com.nija.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.graduation.Graduation;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code POST /api/v1/admin/traders/{id}/graduation-waiver} {@code {"reason"}} — admin group. Lets the trader trade
 * live without meeting the graduation criteria, recorded with the admin, time and reason (and in the audit trail);
 * a trader who has a waiver keeps the first. 200 with the trader's graduation progress; 400 no reason, not a trader
 * id or a body that is not JSON; 422 a reason over 500 characters; 403 not admin; 404 no such trader.
 */
public class GraduationWaiverHandler extends ApiHandler {
    @Inject Graduation graduation;

    record Body(String reason) {}

    public GraduationWaiverHandler() {}

    public GraduationWaiverHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.requireGroup("admin");
        return Responses.ok(graduation.waive(request.pathParameter("id"), request.body(Body.class).reason(),
                request.userId()));
    }

    /** Not primed: it only writes. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return null;
    }
}
