package com.nija.cdk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.routes.Access;
import com.nija.functions.routes.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Nested function stacks follow the route table")
class FunctionStacksTest {
    static FunctionSpec http(String function, String method, Access access) {
        Route route = new Route(method, "/api/v1/" + function, FunctionStacksTest.class, access, function);
        return new FunctionSpec(function, FunctionStacksTest.class.getName(), List.of(route), Optional.empty());
    }

    static Map<String, List<String>> names(Map<String, List<FunctionSpec>> placed) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        placed.forEach((k, v) -> out.put(k, v.stream().map(FunctionSpec::function).toList()));
        return out;
    }

    @Test
    @DisplayName("every function of the catalog is placed exactly once, each stack within the function limit")
    void catalogPlacedOnce() {
        Map<String, List<FunctionSpec>> placed = FunctionStacks.place(FunctionCatalog.all());
        List<String> all = placed.values().stream().flatMap(List::stream).map(FunctionSpec::function).toList();
        assertThat(all).containsExactlyInAnyOrderElementsOf(
                FunctionCatalog.all().stream().map(FunctionSpec::function).toList());
        placed.values().forEach(v -> assertThat(v).hasSizeLessThanOrEqualTo(FunctionStacks.MAX_FUNCTIONS));
        assertThat(placed).containsKeys("TraderRead", "TraderWrite", "Staff", "Workers", "Scheduled", "Live");
    }

    @Test
    @DisplayName("a route lands in the stack of its throttling group: trader reads, trader writes, staff, public")
    void routesByGroup() {
        var placed = names(FunctionStacks.place(List.of(http("list-things", "GET", Access.TRADER),
                http("put-thing", "PUT", Access.TRADER), http("audit-log", "GET", Access.ADMIN),
                http("revenue", "GET", Access.FINANCE), http("market-data", "POST", Access.PUBLIC))));
        assertThat(placed).containsExactly(Map.entry("TraderRead", List.of("list-things")),
                Map.entry("TraderWrite", List.of("put-thing")), Map.entry("Staff", List.of("audit-log", "revenue")),
                Map.entry("Ingest", List.of("market-data")));
    }

    @Test
    @DisplayName("40 more trader reads than a stack holds continue in TraderRead2, TraderRead3; earlier ones stay put")
    void fullGroupContinuesInNextStack() {
        List<FunctionSpec> specs = new ArrayList<>();
        IntStream.range(0, 45).forEach(i -> specs.add(http("read-" + i, "GET", Access.TRADER)));
        var placed = names(FunctionStacks.place(specs, 20));
        assertThat(placed.keySet()).containsExactly("TraderRead", "TraderRead2", "TraderRead3");
        assertThat(placed.get("TraderRead")).hasSize(20).startsWith("read-0").endsWith("read-19");
        assertThat(placed.get("TraderRead3")).containsExactly("read-40", "read-41", "read-42", "read-43", "read-44");
        // Appending rows never moves a function placed before them.
        var fewer = names(FunctionStacks.place(specs.subList(0, 25), 20));
        assertThat(placed.get("TraderRead")).isEqualTo(fewer.get("TraderRead"));
        assertThat(placed.get("TraderRead2")).startsWith(fewer.get("TraderRead2").toArray(String[]::new));
    }
}
