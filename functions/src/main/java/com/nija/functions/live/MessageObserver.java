package com.nija.functions.live;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/**
 * Sees each WebSocket event a route answered. None is deployed; the handler tests register one that holds every
 * client message and reply to the live-updates contract ({@code docs/api/asyncapi.yaml}), so a route drifting from
 * its document fails its own test.
 */
public interface MessageObserver {
    /** Called after the route answered; may throw to fail the caller (a test), never called in AWS. */
    void observe(APIGatewayV2WebSocketEvent request, APIGatewayV2WebSocketResponse response);
}
