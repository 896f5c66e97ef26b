package com.nija.functions.routes;

import java.util.Objects;

/**
 * One route of the WebSocket API (route selection {@code $request.body.action}): the single definition both the CDK
 * app and the local gateway read. Every route but {@code $connect}/{@code $disconnect} answers the client with its
 * response body (a two-way route).
 *
 * @param routeKey {@code $connect}, {@code $disconnect}, {@code $default} or an action name
 * @param handler  the Lambda handler class (one class per route)
 * @param function short function name, used for the Lambda name and metrics service
 */
public record WsRoute(String routeKey, Class<?> handler, String function) {
    public static final String CONNECT = "$connect";
    public static final String DISCONNECT = "$disconnect";
    public static final String DEFAULT = "$default";

    public WsRoute {
        Objects.requireNonNull(routeKey);
        Objects.requireNonNull(handler);
        Objects.requireNonNull(function);
    }

    /** True for routes whose response body is sent back to the client. */
    public boolean twoWay() {
        return !routeKey.equals(CONNECT) && !routeKey.equals(DISCONNECT);
    }
}
