package com.nija.functions.admin;

import java.util.Set;
import java.util.EnumSet;
import com.nija.shared.audit.AuditAspect;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.EngineWrite;
import com.nija.functions.http.Responses;
import com.nija.shared.account.BotState;
import com.nija.shared.admin.TraderAdmin;
import io.micronaut.context.ApplicationContext;
import java.util.Locale;
import java.util.Map;

/**
 * Pauses or resumes one trader's bot for an admin, with a reason (the per-trader kill switch); pause and resume differ
 * only in the state. 200 {@code {traderId, botState}}; 400 no reason, not a trader id or a body that is not JSON; 422 a
 * reason over 500 characters; 403 not admin; 404 no such trader.
 */
abstract class TraderBotStateHandler extends ApiHandler implements EngineWrite {
    private final BotState target;

    TraderBotStateHandler(BotState target) {
        this.target = target;
    }

    TraderBotStateHandler(BotState target, ApplicationContext context) {
        super(context);
        this.target = target;
    }

    record Body(String reason) {}

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.requireGroup("admin");
        String trader = request.pathParameter("id");
        // Looked up, not injected: Micronaut makes no bean definition for subclasses without annotations of their own.
        BotState state = applicationContext.getBean(TraderAdmin.class)
                .setBotState(trader, target, request.body(Body.class).reason());
        return Responses.ok(Map.of("traderId", trader, "botState", state.name().toLowerCase(Locale.ROOT)));
    }

    /** Not primed: it only writes. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return null;
    }

    /** The bot state lives on the profile. */
    @Override
    protected Set<AuditAspect> auditedAspects() {
        return EnumSet.of(AuditAspect.PROFILE);
    }
}
