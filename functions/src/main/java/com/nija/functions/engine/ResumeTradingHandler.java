package com.nija.functions.engine;

import com.nija.shared.account.BotState;
import io.micronaut.context.ApplicationContext;

/** {@code POST /api/v1/trading/resume} — lets the engine place new orders for the caller again. 200. */
public class ResumeTradingHandler extends BotStateHandler {
    public ResumeTradingHandler() {
        super(BotState.RUNNING);
    }

    public ResumeTradingHandler(ApplicationContext context) {
        super(BotState.RUNNING, context);
    }
}
