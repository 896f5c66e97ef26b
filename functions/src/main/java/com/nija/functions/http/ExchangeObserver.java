package com.nija.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * Sees each HTTP exchange a route answered. None is deployed; the handler tests register one that holds every answer
 * to the API contract ({@code docs/api/openapi.yaml}), so a route drifting from its document fails its own test.
 */
public interface ExchangeObserver {
    /** Called after the route answered; may throw to fail the caller (a test), never called in AWS. */
    void observe(APIGatewayV2HTTPEvent request, APIGatewayV2HTTPResponse response);
}
