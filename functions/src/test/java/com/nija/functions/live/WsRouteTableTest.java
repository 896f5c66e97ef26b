package com.nija.functions.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nija.functions.routes.RouteTable;
import com.nija.functions.routes.WsRoute;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The WebSocket routes, their sample events and their handler classes agree: the CDK app and the gateway rely on it. */
class WsRouteTableTest {
    static Stream<WsRoute> routes() {
        return RouteTable.WS_ROUTES.stream();
    }

    static Map<String, JsonNode> sampleEvents() throws Exception {
        URL dir = WsRouteTableTest.class.getResource("/events/ws");
        assertThat(dir).as("events/ws on the test classpath").isNotNull();
        Map<String, JsonNode> events = new TreeMap<>();
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                events.put(f.getFileName().toString(), mapper.readTree(f.toFile()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    @Test
    @DisplayName("the WebSocket API has $connect, $disconnect, $default and the subscribe, unsubscribe and ping actions, once each")
    void routeKeys() {
        assertThat(routes().map(WsRoute::routeKey)).containsExactlyInAnyOrder(
                "$connect", "$disconnect", "$default", "subscribe", "unsubscribe", "ping");
        assertThat(routes().map(WsRoute::function)).doesNotHaveDuplicates()
                .allSatisfy(f -> assertThat(f).matches("ws-[a-z]+"));
        assertThat(routes().filter(WsRoute::twoWay).map(WsRoute::routeKey))
                .containsExactlyInAnyOrder("$default", "subscribe", "unsubscribe", "ping");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    @DisplayName("each handler is a WsHandler with the constructors Lambda and the local platform call")
    void handlerClasses(WsRoute route) throws Exception {
        assertThat(WsHandler.class).isAssignableFrom(route.handler());
        assertThat(route.handler().getConstructor()).isNotNull();
        assertThat(route.handler().getConstructor(ApplicationContext.class)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    @DisplayName("each route has a sample event under events/ws in API Gateway's shape")
    void sampleEventPerRoute(WsRoute route) throws Exception {
        Map<String, JsonNode> matching = new TreeMap<>();
        sampleEvents().forEach((file, e) -> {
            if (route.routeKey().equals(e.path("requestContext").path("routeKey").asText())) matching.put(file, e);
        });

        assertThat(matching).as("events/ws files for %s", route.routeKey()).isNotEmpty();
        matching.forEach((file, e) -> {
            JsonNode ctx = e.path("requestContext");
            assertThat(ctx.path("connectionId").asText()).as(file).isNotBlank();
            assertThat(ctx.path("eventType").asText()).as(file).isIn("CONNECT", "MESSAGE", "DISCONNECT");
            if (!route.twoWay()) return;
            assertThat(ctx.path("eventType").asText()).as(file).isEqualTo("MESSAGE");
            assertThat(e.path("body").isTextual()).as(file).isTrue();
        });
    }

    @Test
    @DisplayName("every sample event names a route that exists")
    void noOrphanEvents() throws Exception {
        sampleEvents().forEach((file, e) -> assertThat(routes().map(WsRoute::routeKey))
                .as(file).contains(e.path("requestContext").path("routeKey").asText()));
    }
}
