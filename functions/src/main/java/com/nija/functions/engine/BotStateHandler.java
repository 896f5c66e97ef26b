package com.nija.functions.engine;

import java.util.Set;
import java.util.EnumSet;
import com.nija.shared.audit.AuditAspect;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.EngineWrite;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.account.BotState;
import com.nija.shared.engine.TradingControls;
import io.micronaut.context.ApplicationContext;
import java.util.Map;

/**
 * Sets the caller's bot state (their connected clients hear it from the service); the pause and resume routes differ
 * only in which state. 200 with the new state.
 */
abstract class BotStateHandler extends ApiHandler implements EngineWrite {
    private final BotState target;

    BotStateHandler(BotState target) {
        this.target = target;
    }

    BotStateHandler(BotState target, ApplicationContext context) {
        super(context);
        this.target = target;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        // Looked up, not injected: Micronaut makes no bean definition for subclasses without annotations of their own.
        BotState state = applicationContext.getBean(TradingControls.class).setBotState(request.userId(), target);
        return Responses.ok(Map.of("botState", state.name().toLowerCase()));
    }

    /** Nothing read-only to rehearse here: this route is not primed (it only writes). */
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
