package com.nija.functions.priming;

import com.nija.functions.routes.Route;
import com.nija.functions.routes.RouteTable;
import com.nija.functions.routes.WsRoute;
import io.micronaut.context.ApplicationContext;
import java.util.stream.Stream;

/** Builds every HTTP and WebSocket handler on one context, as each function does at init; each registers its primer. */
final class EveryHandler {
    private EveryHandler() {}

    static void createOn(ApplicationContext context) {
        Stream.concat(RouteTable.ROUTES.stream().map(Route::handler), RouteTable.WS_ROUTES.stream().map(WsRoute::handler))
                .forEach(handler -> {
                    try {
                        handler.getConstructor(ApplicationContext.class).newInstance(context);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot build " + handler.getSimpleName(), e);
                    }
                });
    }
}
