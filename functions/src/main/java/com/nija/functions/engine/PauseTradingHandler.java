package com.nija.functions.engine;

import com.nija.shared.account.BotState;
import io.micronaut.context.ApplicationContext;

/** {@code POST /api/v1/trading/pause} — stops new orders for the caller (stop-loss/take-profit closes still run). 200. */
public class PauseTradingHandler extends BotStateHandler {
    public PauseTradingHandler() {
        super(BotState.PAUSED);
    }

    public PauseTradingHandler(ApplicationContext context) {
        super(BotState.PAUSED, context);
    }
}
