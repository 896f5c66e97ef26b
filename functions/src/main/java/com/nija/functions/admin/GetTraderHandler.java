package com.nija.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.admin.TraderAdmin;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code GET /api/v1/admin/traders/{id}} — admin group. The trader's dashboard exactly as {@code GET /api/v1/dashboard}
 * shows it to them, read-only. 200; 400 not a trader id; 403 not admin; 404 no such trader.
 */
public class GetTraderHandler extends ApiHandler {
    @Inject TraderAdmin admin;

    public GetTraderHandler() {}

    public GetTraderHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.requireGroup("admin");
        return Responses.ok(admin.dashboard(request.pathParameter("id")));
    }

    /** The real lookup as an admin, of the priming trader, who has no profile: it ends in a 404 and writes nothing. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER, "admin");
        event.setPathParameters(java.util.Map.of("id", Priming.USER));
        return event;
    }
}
