package com.nija.functions.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.testing.ApiContract;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The route table and the API document describe the same API: a route added without its operation (or an operation
 * left behind when a route goes) fails here, naming each, so whoever merges a branch knows what to document.
 */
class OpenApiRoutesTest {
    private static final Set<String> ROUTE_KEYS =
            RouteTable.ROUTES.stream().map(Route::routeKey).collect(Collectors.toCollection(TreeSet::new));

    @Test
    @DisplayName("every route in the table has its operation in docs/api/openapi.yaml")
    void everyRouteDocumented() {
        Set<String> undocumented = new TreeSet<>(ROUTE_KEYS);
        undocumented.removeAll(ApiContract.openApi().operations());

        assertThat(undocumented).as("routes without an operation in %s", ApiContract.DOCUMENT).isEmpty();
    }

    @Test
    @DisplayName("every operation in docs/api/openapi.yaml is a route in the table")
    void everyOperationRouted() {
        Set<String> unrouted = new TreeSet<>(ApiContract.openApi().operations());
        unrouted.removeAll(ROUTE_KEYS);

        assertThat(unrouted).as("operations in %s that no route serves", ApiContract.DOCUMENT).isEmpty();
    }
}
