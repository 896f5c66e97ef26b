package com.nija.cdk.functions;

import com.nija.functions.routes.Route;
import com.nija.functions.routes.Worker;
import com.nija.functions.routes.WsRoute;
import java.util.List;
import java.util.Optional;

/**
 * One Lambda function as the catalog sees it: its short name, its handler class and what triggers it.
 *
 * @param function     short name ({@code get-positions}); the Lambda is {@code nija-<stage>-<function>}
 * @param handler      fully qualified handler class (Micronaut: no {@code ::handleRequest})
 * @param routes       HTTP routes served by this function (empty for non-HTTP functions)
 * @param worker       the queue it consumes, for queue workers
 * @param wsRoute      the WebSocket API route it serves, for WebSocket functions
 * @param wsAuthorizer true for the WebSocket API's {@code $connect} authorizer
 */
public record FunctionSpec(String function, String handler, List<Route> routes, Optional<Worker> worker,
                           Optional<WsRoute> wsRoute, boolean wsAuthorizer) {
    public FunctionSpec {
        routes = List.copyOf(routes);
    }

    /** An HTTP function, a queue worker or another trigger's function. */
    public FunctionSpec(String function, String handler, List<Route> routes, Optional<Worker> worker) {
        this(function, handler, routes, worker, Optional.empty(), false);
    }

    public boolean isHttp() {
        return !routes.isEmpty();
    }

    /** Part of the WebSocket API: a route's function or its authorizer. */
    public boolean isWebSocket() {
        return wsRoute.isPresent() || wsAuthorizer;
    }

    /** Serves a trading write, which only the engine region runs (others forward it there). */
    public boolean engineWrite() {
        return routes.stream().anyMatch(r -> com.nija.functions.http.EngineWrite.class.isAssignableFrom(r.handler()));
    }

    /** Only reads: every route is a GET (or HEAD). Such functions get read-only table access by default. */
    public boolean readOnly() {
        return isHttp() && routes.stream().allMatch(r -> r.method().equals("GET") || r.method().equals("HEAD"));
    }
}
