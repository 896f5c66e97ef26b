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
 * {@code DELETE /api/v1/brokers/{venue}} — removes the caller's key at a venue. 204; 404 an unknown venue or none
 * connected there; 409 {@code broker-in-use} while the caller trades live on that venue (switch to paper first).
 */
public class DeleteBrokerKeyHandler extends ApiHandler implements EngineWrite {
    @Inject BrokerConnections brokers;

    public DeleteBrokerKeyHandler() {}

    public DeleteBrokerKeyHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        brokers.disconnect(request.userId(), request.pathParameter("venue"));
        return Responses.noContent();
    }

    /** Nothing read-only to rehearse: this route only removes. */
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
