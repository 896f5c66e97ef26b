package com.nija.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.engine.KillSwitch;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code GET /api/v1/admin/kill-switch} — admin group only (checked by the authorizer and again here). The switch as
 * the admin view shows it before anyone flips it: 200 {@code {engaged, reason, changedBy, changedAt}} (released, with
 * nothing else, when it was never set); 403 not admin.
 */
public class GetKillSwitchHandler extends ApiHandler {
    @Inject KillSwitch killSwitch;

    public GetKillSwitchHandler() {}

    public GetKillSwitchHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.requireGroup("admin");
        return Responses.ok(killSwitch.current().map(KillSwitchHandler.State::of)
                .orElse(new KillSwitchHandler.State(false, null, null, null)));
    }

    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return Priming.getEvent(Priming.USER, "admin");
    }
}
