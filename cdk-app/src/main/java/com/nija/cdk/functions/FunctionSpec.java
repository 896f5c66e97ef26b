package com.nija.cdk.functions;

import com.nija.functions.routes.Route;
import com.nija.functions.routes.Schedule;
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
 * @param schedule     the timer it runs on, for scheduled functions
 */
public record FunctionSpec(String function, String handler, List<Route> routes, Optional<Worker> worker,
                           Optional<WsRoute> wsRoute, boolean wsAuthorizer, Optional<Schedule> schedule) {
    public FunctionSpec {
        routes = List.copyOf(routes);
    }

    /** A function of the WebSocket API (a route's, or the authorizer). */
    public FunctionSpec(String function, String handler, List<Route> routes, Optional<Worker> worker,
                        Optional<WsRoute> wsRoute, boolean wsAuthorizer) {
        this(function, handler, routes, worker, wsRoute, wsAuthorizer, Optional.empty());
    }

    /** An HTTP function, a queue worker or another trigger's function. */
    public FunctionSpec(String function, String handler, List<Route> routes, Optional<Worker> worker) {
        this(function, handler, routes, worker, Optional.empty(), false, Optional.empty());
    }

    /** A function run on a timer. */
    public static FunctionSpec scheduled(Schedule schedule) {
        return new FunctionSpec(schedule.function(), schedule.handler().getName(), List.of(), Optional.empty(),
                Optional.empty(), false, Optional.of(schedule));
    }

    /** Runs only where the engine runs: queue workers and scheduled functions. */
    public boolean engineOnly() {
        return worker.isPresent() || schedule.isPresent();
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
