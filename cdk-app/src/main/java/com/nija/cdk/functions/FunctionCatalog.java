package com.nija.cdk.functions;

import com.nija.functions.routes.Route;
import com.nija.functions.routes.RouteTable;
import com.nija.functions.routes.Schedule;
import com.nija.functions.routes.Worker;
import com.nija.functions.routes.WsAuthorizer;
import com.nija.functions.routes.WsRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every function the stacks deploy, derived from the functions module's own lists: {@link RouteTable#ROUTES} (HTTP),
 * {@link RouteTable#WORKERS} (SQS), {@link RouteTable#SCHEDULES} (EventBridge Scheduler), {@link RouteTable#WS_ROUTES}
 * and {@link RouteTable#WS_AUTHORIZER} (WebSocket API). A route, worker or schedule added there is deployed with no
 * change here.
 *
 * <p>Functions with another trigger go in {@link #OTHER}, one line each:
 * {@code new FunctionSpec("push-sender", "com.nija.functions.live.PushSenderHandler", List.of(), Optional.empty())};
 * give them a {@link FunctionProfiles} line when they need grants beyond the table.
 */
public final class FunctionCatalog {
    /**
     * Cognito's post-confirmation trigger (a confirmed sign-up becomes a trader). Deployed beside the other functions;
     * only the primary region's user pool invokes it ({@code UserDirectory#onConfirmedSignUp}).
     */
    public static final FunctionSpec POST_CONFIRMATION = new FunctionSpec("post-confirmation",
            "com.nija.functions.signup.PostConfirmationHandler", List.of(), Optional.empty());

    /** Functions triggered neither by an HTTP route nor by a queue. */
    static final List<FunctionSpec> OTHER = List.of(POST_CONFIRMATION);

    private FunctionCatalog() {}

    /**
     * HTTP functions first (route table order), then queue workers, scheduled functions, the WebSocket routes and
     * their authorizer, then the others. Names are unique.
     */
    public static List<FunctionSpec> all() {
        return build(RouteTable.ROUTES, RouteTable.WORKERS, RouteTable.SCHEDULES, RouteTable.WS_ROUTES,
                RouteTable.WS_AUTHORIZER, OTHER);
    }

    static List<FunctionSpec> build(List<Route> routes, List<Worker> workers, List<Schedule> schedules,
                                    List<WsRoute> wsRoutes, WsAuthorizer wsAuthorizer, List<FunctionSpec> other) {
        Map<String, List<Route>> byFunction = new LinkedHashMap<>();
        Map<String, Class<?>> handlers = new LinkedHashMap<>();
        for (Route route : routes) {
            Class<?> known = handlers.putIfAbsent(route.function(), route.handler());
            if (known != null && known != route.handler()) {
                throw new IllegalStateException("function " + route.function() + " names two handlers: "
                        + known.getName() + " and " + route.handler().getName());
            }
            byFunction.computeIfAbsent(route.function(), f -> new ArrayList<>()).add(route);
        }
        List<FunctionSpec> specs = new ArrayList<>();
        byFunction.forEach((fn, rs) -> specs.add(new FunctionSpec(fn, handlers.get(fn).getName(), rs, Optional.empty())));
        for (Worker w : workers) {
            specs.add(new FunctionSpec(w.function(), w.handler().getName(), List.of(), Optional.of(w)));
        }
        for (Schedule s : schedules) specs.add(FunctionSpec.scheduled(s));
        for (WsRoute r : wsRoutes) {
            specs.add(new FunctionSpec(r.function(), r.handler().getName(), List.of(), Optional.empty(), Optional.of(r),
                    false));
        }
        specs.add(new FunctionSpec(wsAuthorizer.function(), wsAuthorizer.handler().getName(), List.of(),
                Optional.empty(), Optional.empty(), true));
        specs.addAll(other);
        List<String> names = specs.stream().map(FunctionSpec::function).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalStateException("function names must be unique across routes, workers and others: " + names);
        }
        return List.copyOf(specs);
    }
}
