package com.nija.functions.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nija.functions.support.Events;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The route table, the sample events and the handler classes must agree: the CDK app and local gateway rely on it. */
class RouteTableTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<Route> routes() {
        return RouteTable.ROUTES;
    }

    /** Every sample event under events/api (as copied onto the test classpath), by file name. */
    private static Map<String, JsonNode> apiEvents() {
        URL dir = RouteTableTest.class.getResource("/events/api");
        assertThat(dir).as("events/api on the test classpath").isNotNull();
        Map<String, JsonNode> events = new TreeMap<>();
        try (Stream<Path> listing = Files.list(Path.of(dir.toURI()))) {
            for (Path file : listing.filter(p -> p.toString().endsWith(".json")).toList()) {
                events.put(file.getFileName().toString(), MAPPER.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    private static Map<String, JsonNode> eventsFor(Route route) {
        Map<String, JsonNode> matching = new TreeMap<>();
        apiEvents().forEach((file, event) -> {
            if (route.routeKey().equals(event.path("routeKey").asText())) matching.put(file, event);
        });
        return matching;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    @DisplayName("every route has a sample event under events/api with the route's routeKey, method and path")
    void sampleEventPerRoute(Route route) {
        Map<String, JsonNode> events = eventsFor(route);

        assertThat(events).as("events/api files with routeKey '%s'", route.routeKey()).isNotEmpty();
        events.forEach((file, event) -> {
            assertThat(event.path("version").asText()).as(file).isEqualTo("2.0");
            assertThat(event.path("requestContext").path("routeKey").asText()).as(file).isEqualTo(route.routeKey());
            assertThat(event.path("requestContext").path("http").path("method").asText()).as(file)
                    .isEqualTo(route.method());
            if (!route.path().contains("{")) assertThat(event.path("rawPath").asText()).as(file).isEqualTo(route.path());
            boolean hasSub = event.path("requestContext").path("authorizer").path("jwt").path("claims").has("sub");
            assertThat(hasSub).as("%s carries a token's sub claim exactly when the route needs a token", file)
                    .isEqualTo(route.access().needsToken());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    @DisplayName("every handler is public with a public no-arg constructor (Lambda) and an ApplicationContext one (tests)")
    void handlerConstructors(Route route) throws NoSuchMethodException {
        Class<?> handler = route.handler();

        Constructor<?> lambda = handler.getConstructor();
        Constructor<?> shared = handler.getConstructor(ApplicationContext.class);

        assertThat(Modifier.isPublic(handler.getModifiers())).isTrue();
        assertThat(Modifier.isAbstract(handler.getModifiers())).isFalse();
        assertThat(Modifier.isPublic(lambda.getModifiers())).isTrue();
        assertThat(Modifier.isPublic(shared.getModifiers())).isTrue();
    }

    @Test
    @DisplayName("every sample event under events/api targets a route in the table and loads as the Lambda runtime reads it")
    void everyEventTargetsARoute() {
        Set<String> routeKeys = routes().stream().map(Route::routeKey).collect(Collectors.toSet());
        Map<String, JsonNode> events = apiEvents();
        assertThat(events).isNotEmpty();

        events.forEach((file, json) -> {
            assertThat(json.path("routeKey").asText()).as(file).isIn(routeKeys);
            APIGatewayV2HTTPEvent event = Events.http("api/" + file);
            assertThat(event.getRouteKey()).as(file).isEqualTo(json.path("routeKey").asText());
            assertThat(event.getRequestContext().getHttp().getMethod()).as(file)
                    .isEqualTo(json.path("requestContext").path("http").path("method").asText());
        });
    }

    @Test
    @DisplayName("route keys and function names are unique")
    void unique() {
        assertThat(routes().stream().map(Route::routeKey)).doesNotHaveDuplicates();
        assertThat(routes().stream().map(Route::function)).doesNotHaveDuplicates();
    }
}
