package com.nija.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.routes.Route;
import java.util.Objects;

/**
 * A route of the route table and the handler instance that serves it, as the Lambda integration would.
 *
 * @param route   method, path template, access rule and function name
 * @param handler the function's handler; called on a worker thread, possibly by many threads at once
 */
public record BoundRoute(Route route, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    public BoundRoute {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(handler, "handler");
    }
}
