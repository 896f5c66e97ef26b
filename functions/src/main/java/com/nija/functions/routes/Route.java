package com.nija.functions.routes;

import java.util.Objects;

/**
 * One HTTP API route: the single definition both the CDK app and the local gateway read.
 *
 * @param method   HTTP method, upper case
 * @param path     path template as API Gateway writes it, e.g. {@code /api/v1/positions/{id}}
 * @param handler  the Lambda handler class (one class per route)
 * @param access   what the JWT authorizer must see
 * @param function short function name, used for the Lambda name, metrics service and {@code invoke}
 */
public record Route(String method, String path, Class<?> handler, Access access, String function) {
    public Route {
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
        Objects.requireNonNull(handler);
        Objects.requireNonNull(access);
        Objects.requireNonNull(function);
    }

    /** API Gateway's route key, e.g. {@code GET /api/v1/positions}. */
    public String routeKey() {
        return method + " " + path;
    }
}
