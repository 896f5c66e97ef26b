package com.nija.functions.brokers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.brokers.TradingModes;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code GET /api/v1/trading/mode} — where the caller's new orders go: 200 {@code {mode: "paper"}} or
 * {@code {mode: "live", venue, since, riskAcknowledgedAt}}.
 */
public class GetTradingModeHandler extends ApiHandler {
    @Inject TradingModes modes;

    public GetTradingModeHandler() {}

    public GetTradingModeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(modes.mode(request.userId()));
    }
}
