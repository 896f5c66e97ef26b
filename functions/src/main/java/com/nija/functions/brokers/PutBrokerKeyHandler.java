package com.nija.functions.brokers;

import java.util.Set;
import java.util.EnumSet;
import com.nija.shared.audit.AuditAspect;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.EngineWrite;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.brokers.BrokerConnections;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code PUT /api/v1/brokers/{venue}} — connects the caller's API key at a venue (coinbase, kraken, okx, binance,
 * alpaca) with the venue's fields, e.g. coinbase {@code {"keyName","privateKey"}}, okx {@code {"apiKey","apiSecret",
 * "passphrase","demo"}}; or replaces the key connected there (its test starts over). The key is stored sealed and
 * never shown again. 200 {@code {venue, status, keyHint, connectedAt, …}}; 404 an unknown venue; 400 a body that is
 * not a JSON object; 422 a missing, malformed or unknown field (named, with its rule); 409 the plan's broker count is
 * reached ({@code broker-limit}) or live trading uses the key ({@code broker-in-use}). Nothing is written unless 200.
 */
public class PutBrokerKeyHandler extends ApiHandler implements EngineWrite {
    @Inject BrokerConnections brokers;

    public PutBrokerKeyHandler() {}

    public PutBrokerKeyHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(brokers.connect(request.userId(), request.pathParameter("venue"),
                request.body(JsonNode.class)));
    }

    /** Priming sends a key that breaks the rules: parsing and validation run, nothing is sealed or written. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER);
        event.setPathParameters(Map.of("venue", "coinbase"));
        event.setBody("{\"keyName\":\"priming\",\"privateKey\":\"priming\"}");
        return event;
    }

    /** It changes only the broker connections. */
    @Override
    protected Set<AuditAspect> auditedAspects() {
        return EnumSet.of(AuditAspect.BROKERS);
    }
}
