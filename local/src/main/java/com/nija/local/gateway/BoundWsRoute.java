package com.nija.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.nija.functions.routes.WsRoute;
import java.util.Objects;

/**
 * A WebSocket API route of the route table and the handler instance that serves it.
 *
 * @param route   route key and function name
 * @param handler the function's handler; called on a worker thread, possibly by many threads at once
 */
public record BoundWsRoute(WsRoute route,
                           RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler) {
    public BoundWsRoute {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(handler, "handler");
    }
}
