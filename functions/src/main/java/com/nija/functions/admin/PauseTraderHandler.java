package com.nija.functions.admin;

import com.nija.shared.account.BotState;
import io.micronaut.context.ApplicationContext;

/**
 * {@code POST /api/v1/admin/traders/{id}/pause} {@code {"reason": "…"}} — admin group. The trader's bot places no new
 * orders from the next signal on (stop-loss and take-profit closes still run); their devices are told over the live
 * channel. See {@link TraderBotStateHandler} for the answers.
 */
public class PauseTraderHandler extends TraderBotStateHandler {
    public PauseTraderHandler() {
        super(BotState.PAUSED);
    }

    public PauseTraderHandler(ApplicationContext context) {
        super(BotState.PAUSED, context);
    }
}
