package com.nija.functions.admin;

import com.nija.shared.account.BotState;
import io.micronaut.context.ApplicationContext;

/**
 * {@code POST /api/v1/admin/traders/{id}/resume} {@code {"reason": "…"}} — admin group. The trader's bot trades again;
 * their devices are told. See {@link TraderBotStateHandler} for the answers.
 */
public class ResumeTraderHandler extends TraderBotStateHandler {
    public ResumeTraderHandler() {
        super(BotState.RUNNING);
    }

    public ResumeTraderHandler(ApplicationContext context) {
        super(BotState.RUNNING, context);
    }
}
