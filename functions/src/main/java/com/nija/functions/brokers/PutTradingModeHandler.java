package com.nija.functions.brokers;

import java.util.Set;
import java.util.EnumSet;
import com.nija.shared.audit.AuditAspect;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.EngineWrite;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.brokers.ModeRequest;
import com.nija.shared.brokers.TradingModes;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code PUT /api/v1/trading/mode} — {@code {"mode":"live","venue":"coinbase","acknowledgeRisk":true}} sends the
 * caller's new orders to that venue; {@code {"mode":"paper"}} back to the paper broker, at any time. 200
 * {@code {mode, venue, since, riskAcknowledgedAt}}; 422 a mode other than live or paper, or live without a known
 * venue or without {@code acknowledgeRisk: true}; 409 {@code live-trading-refused} with {@code missing}: everything
 * still needed (a plan that trades live, the venue connected, its key's last test passed).
 */
public class PutTradingModeHandler extends ApiHandler implements EngineWrite {
    @Inject TradingModes modes;

    public PutTradingModeHandler() {}

    public PutTradingModeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(modes.switchTo(request.userId(), request.body(ModeRequest.class)));
    }

    /** Priming asks for a mode that does not exist: parsing and validation run, nothing is read or written. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER);
        event.setBody("{\"mode\":\"priming\"}");
        return event;
    }

    /** Going live marks the broker connection too (live since). */
    @Override
    protected Set<AuditAspect> auditedAspects() {
        return EnumSet.of(AuditAspect.MODE, AuditAspect.BROKERS);
    }
}
