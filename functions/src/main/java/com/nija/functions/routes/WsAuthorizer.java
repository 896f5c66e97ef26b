package com.nija.functions.routes;

import java.util.Objects;

/**
 * The Lambda REQUEST authorizer of the WebSocket API's {@code $connect} route: the CDK app attaches it to the route,
 * the local gateway runs it before {@code $connect} as API Gateway does.
 *
 * @param handler  the Lambda handler class
 * @param function short function name
 */
public record WsAuthorizer(Class<?> handler, String function) {
    public WsAuthorizer {
        Objects.requireNonNull(handler);
        Objects.requireNonNull(function);
    }
}
