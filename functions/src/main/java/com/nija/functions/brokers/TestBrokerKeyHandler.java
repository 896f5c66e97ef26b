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
import com.nija.shared.brokers.BrokerConnections;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code POST /api/v1/brokers/{venue}/test} — checks the caller's key with an authenticated read-only call to the
 * venue and records the outcome (live trading needs a passing one). 200 {@code {ok, permissions, problems}}: a key
 * that cannot trade, is refused, or could not be checked is {@code ok: false} with {@code error: …} problems; one
 * that can withdraw passes with a {@code warning: …}. 404 an unknown venue or none connected; 409 the key changed
 * during the test.
 */
public class TestBrokerKeyHandler extends ApiHandler implements EngineWrite {
    @Inject BrokerConnections brokers;

    public TestBrokerKeyHandler() {}

    public TestBrokerKeyHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(brokers.test(request.userId(), request.pathParameter("venue")));
    }

    /** Not primed: its hot path is a call to a venue with a trader's key, which priming must never make. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return null;
    }

    /** It changes only the broker connections. */
    @Override
    protected Set<AuditAspect> auditedAspects() {
        return EnumSet.of(AuditAspect.BROKERS);
    }
}
