package com.nija.functions.routes;

import com.nija.functions.dashboard.GetDashboardHandler;
import com.nija.functions.health.HealthHandler;
import com.nija.functions.performance.GetPerformanceHandler;
import com.nija.functions.settings.GetSettingsHandler;
import com.nija.functions.settings.PutSettingsHandler;
import com.nija.functions.trading.GetPositionsHandler;
import com.nija.functions.trading.GetTradesHandler;
import java.util.List;
import java.util.Optional;

/** Every HTTP route NIJA serves. The CDK app and the local gateway both read this list and nothing else. */
public final class RouteTable {
    public static final List<Route> ROUTES = List.of(
            new Route("GET", "/health", HealthHandler.class, Access.PUBLIC, "health"),
            new Route("GET", "/api/v1/positions", GetPositionsHandler.class, Access.TRADER, "get-positions"),
            new Route("GET", "/api/v1/trades", GetTradesHandler.class, Access.TRADER, "get-trades"),
            new Route("GET", "/api/v1/performance", GetPerformanceHandler.class, Access.TRADER, "get-performance"),
            new Route("GET", "/api/v1/dashboard", GetDashboardHandler.class, Access.TRADER, "get-dashboard"),
            new Route("GET", "/api/v1/settings", GetSettingsHandler.class, Access.TRADER, "get-settings"),
            new Route("PUT", "/api/v1/settings", PutSettingsHandler.class, Access.TRADER, "put-settings"));

    private RouteTable() {}

    public static Optional<Route> byFunction(String function) {
        return ROUTES.stream().filter(r -> r.function().equals(function)).findFirst();
    }
}
