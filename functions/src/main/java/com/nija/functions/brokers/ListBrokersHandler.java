package com.nija.functions.brokers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.brokers.BrokerConnections;
import com.nija.shared.brokers.ConnectionView;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/**
 * {@code GET /api/v1/brokers} — the caller's venue connections: 200 {@code {brokers: [{venue, status, keyHint,
 * sandbox, connectedAt, lastTestAt, lastTestOk, permissions, problems, live}]}}. Never a secret: only the last 4
 * characters of the key's id.
 */
public class ListBrokersHandler extends ApiHandler {
    @Inject BrokerConnections brokers;

    public ListBrokersHandler() {}

    public ListBrokersHandler(ApplicationContext context) {
        super(context);
    }

    record Listing(List<ConnectionView> brokers) {}

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(new Listing(brokers.list(request.userId())));
    }
}
