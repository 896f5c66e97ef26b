package com.nija.functions.protections;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.ETags;
import com.nija.functions.http.Responses;
import com.nija.shared.protections.ProtectionsService;
import com.nija.shared.protections.ProtectionsView;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code GET /api/v1/protections} — the caller's protections (drawdown thresholds, stoploss guard, daily profit target)
 * and where they stand: the equity peak, the drawdown level, symbols cooling down, the latest trips. An {@code ETag}
 * of the settings' version to send back on PUT. 200.
 */
public class GetProtectionsHandler extends ApiHandler {
    @Inject ProtectionsService protections;

    public GetProtectionsHandler() {}

    public GetProtectionsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        ProtectionsView view = protections.view(request.userId());
        return Responses.json(200, view, Map.of("ETag", ETags.of(view.settings().version())));
    }
}
