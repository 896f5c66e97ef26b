package com.nija.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.routes.Access;
import com.nija.functions.routes.Route;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RouteMatcherTest {

    private static BoundRoute route(String method, String path) {
        return new BoundRoute(new Route(method, path, Object.class, Access.PUBLIC, method + path),
                (event, context) -> new APIGatewayV2HTTPResponse());
    }

    private static RouteMatcher table(BoundRoute... routes) {
        return new RouteMatcher(Arrays.asList(routes));
    }

    private static RouteMatcher.Found found(RouteMatcher.Result result) {
        assertThat(result).isInstanceOf(RouteMatcher.Found.class);
        return (RouteMatcher.Found) result;
    }

    @Test
    @DisplayName("literal beats parameter beats greedy, whatever the order of the table")
    void specificity() {
        BoundRoute literal = route("GET", "/files/special");
        BoundRoute param = route("GET", "/files/{name}");
        BoundRoute greedy = route("GET", "/files/{proxy+}");
        RouteMatcher table = table(greedy, param, literal);

        assertThat(found(table.match("GET", "/files/special")).bound()).isEqualTo(literal);
        assertThat(found(table.match("GET", "/files/a")).bound()).isEqualTo(param);
        RouteMatcher.Found deep = found(table.match("GET", "/files/a/b/c"));
        assertThat(deep.bound()).isEqualTo(greedy);
        assertThat(deep.pathParameters()).containsExactlyEntriesOf(Map.of("proxy", "a/b/c"));
    }

    @Test
    @DisplayName("the leftmost difference decides between two templates")
    void leftmostDifferenceDecides() {
        BoundRoute literalFirst = route("GET", "/a/x/{id}");
        BoundRoute paramFirst = route("GET", "/a/{kind}/y");
        RouteMatcher table = table(paramFirst, literalFirst);

        assertThat(found(table.match("GET", "/a/x/y")).bound()).isEqualTo(literalFirst);
    }

    @Test
    @DisplayName("a route for the exact method beats ANY; ANY takes the rest")
    void anyMethod() {
        BoundRoute get = route("GET", "/items");
        BoundRoute any = route("ANY", "/items");
        RouteMatcher table = table(any, get);

        assertThat(found(table.match("GET", "/items")).bound()).isEqualTo(get);
        assertThat(found(table.match("DELETE", "/items")).bound()).isEqualTo(any);
    }

    @Test
    @DisplayName("a method that matches only a less specific template still routes there")
    void methodBeforeSpecificity() {
        BoundRoute postSpecial = route("POST", "/files/special");
        BoundRoute getAny = route("GET", "/files/{name}");
        RouteMatcher table = table(postSpecial, getAny);

        assertThat(found(table.match("GET", "/files/special")).bound()).isEqualTo(getAny);
    }

    @Test
    @DisplayName("a known path with another method is 405 with the allowed methods; an unknown path is 404")
    void notAllowedAndNotFound() {
        RouteMatcher table = table(route("GET", "/items/{id}"), route("DELETE", "/items/{id}"), route("POST", "/items"));

        RouteMatcher.Result notAllowed = table.match("PUT", "/items/7");
        assertThat(notAllowed).isInstanceOf(RouteMatcher.MethodNotAllowed.class);
        assertThat(((RouteMatcher.MethodNotAllowed) notAllowed).allowed()).containsExactly("DELETE", "GET");
        assertThat(table.match("GET", "/nothing")).isEqualTo(RouteMatcher.NotFound.INSTANCE);
        assertThat(table.match("GET", "/items/7/extra")).isEqualTo(RouteMatcher.NotFound.INSTANCE);
        assertThat(table.match("GET", "/items/")).isEqualTo(RouteMatcher.NotFound.INSTANCE);
        assertThat(table.match("GET", "items")).isEqualTo(RouteMatcher.NotFound.INSTANCE);
    }

    @Test
    @DisplayName("path parameters are percent-decoded; '+' stays '+'")
    void decoding() {
        RouteMatcher table = table(route("GET", "/markets/{symbol}/{note}"));

        RouteMatcher.Found match = found(table.match("GET", "/markets/BTC%2DUSD/a+b%20c"));

        assertThat(match.pathParameters()).containsEntry("symbol", "BTC-USD").containsEntry("note", "a+b c");
    }

    @Test
    @DisplayName("a greedy parameter needs at least one segment")
    void greedyNeedsSomething() {
        RouteMatcher table = table(route("GET", "/static/{proxy+}"));

        assertThat(table.match("GET", "/static")).isEqualTo(RouteMatcher.NotFound.INSTANCE);
        assertThat(table.match("GET", "/static/")).isEqualTo(RouteMatcher.NotFound.INSTANCE);
        assertThat(found(table.match("GET", "/static/a/")).pathParameters()).containsEntry("proxy", "a/");
    }

    @Test
    @DisplayName("the root path routes")
    void root() {
        BoundRoute root = route("GET", "/");

        assertThat(found(table(root).match("GET", "/")).bound()).isEqualTo(root);
    }

    @Test
    @DisplayName("routes that would match the same requests, or bad templates, are refused up front")
    void invalidTables() {
        assertThatThrownBy(() -> table(route("GET", "/a/{id}"), route("GET", "/a/{name}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same requests");
        assertThatThrownBy(() -> table(route("GET", "/a/{proxy+}/b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last segment");
        assertThatThrownBy(() -> table(route("GET", "a/b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table(route("GET", "/a/{id}/{id}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RouteMatcher(List.of(route("GET", "/a/{id}"), route("POST", "/a/{name}")))).isNotNull();
    }
}
