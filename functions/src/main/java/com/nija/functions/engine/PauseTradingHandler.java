package com.nija.functions.engine;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.account.BotState;
import com.nija.shared.engine.TradingControls;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code POST /api/v1/trading/pause} — stops new orders for the caller (exits by stop/target still run). 200. */
public class PauseTradingHandler extends ApiHandler {
    @Inject TradingControls controls;

    public PauseTradingHandler() {}

    public PauseTradingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(Map.of("botState", controls.setBotState(request.userId(), BotState.PAUSED).name().toLowerCase()));
    }

    /** Nothing read-only to rehearse here: this route is not primed (it only writes). */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return null;
    }
}
