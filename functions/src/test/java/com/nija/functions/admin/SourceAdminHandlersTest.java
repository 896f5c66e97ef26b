package com.nija.functions.admin;

import static com.nija.functions.support.ApiResponses.json;
import static com.nija.functions.support.ApiResponses.noValue;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.signals.SignalIntakeHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.LogCapture;
import com.nija.functions.support.MutableClock;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.SourceItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.signals.SourceAdmin;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The admin routes of signal and price sources, judged by what an operator and a sender notice: the secret is shown
 * once and then only verifies; a rotation keeps the old secret working for the overlap and no longer; a disabled
 * source is refused; traders cannot reach any of it.
 */
class SourceAdminHandlersTest {
    private static final MutableClock CLOCK = new MutableClock(PlatformClock.system().instant());
    /** Inline fan-out off: accepted signals go to the fan-out queue, no orders are placed here. */
    private static final ApplicationContext CONTEXT =
            LocalBackends.get().newContext(Map.of("nija.inline-fanout-max", "0"), CLOCK);

    private final CreateSourceHandler create = new CreateSourceHandler(CONTEXT);
    private final ListSourcesHandler list = new ListSourcesHandler(CONTEXT);
    private final RotateSourceHandler rotate = new RotateSourceHandler(CONTEXT);
    private final DisableSourceHandler disable = new DisableSourceHandler(CONTEXT);
    private final EnableSourceHandler enable = new EnableSourceHandler(CONTEXT);
    private final SignalIntakeHandler intake = new SignalIntakeHandler(CONTEXT);
    private final TradingTables tables = CONTEXT.getBean(TradingTables.class);

    @AfterAll
    static void closeContext() {
        CONTEXT.close();
    }

    private static String newSourceId() {
        return "src-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private APIGatewayV2HTTPResponse createSource(String body) {
        return create.handleRequest(Events.withBody(Events.http("api/create-source.json"), body), null);
    }

    /** Creates a signal source for any strategy; returns the secret the 201 showed. */
    private String createSignalSource(String id) {
        APIGatewayV2HTTPResponse response = createSource(
                "{\"id\": \"" + id + "\", \"kind\": \"SIGNALS\", \"strategies\": [\"*\"]}");
        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(201);
        return json(response).path("secret").asText();
    }

    private static APIGatewayV2HTTPEvent onSource(String eventFile, String id) {
        APIGatewayV2HTTPEvent event = Events.http(eventFile);
        event.setPathParameters(Map.of("id", id));
        event.setRawPath(event.getRawPath().replace("tv-alerts", id));
        return event;
    }

    private APIGatewayV2HTTPResponse rotate(String id) {
        return rotate.handleRequest(onSource("api/rotate-source.json", id), null);
    }

    /** A signal for BTC-USD (strategy trend) from {@code source}, signed with {@code secret} at the clock's now: intake's status. */
    private int signal(String source, String secret) {
        String body = "{\"signalId\": \"sig-" + UUID.randomUUID() + "\", \"symbol\": \"BTC-USD\", \"action\": \"buy\","
                + " \"strategy\": \"trend\"}";
        APIGatewayV2HTTPEvent event = Events.signed(Events.http("api/signal-intake.json"), source, secret, body,
                CLOCK.instant());
        return intake.handleRequest(event, null).getStatusCode();
    }

    private SourceItem stored(String id) {
        return tables.sources().getItem(r -> r.key(Key.builder().partitionValue(Keys.source(id)).sortValue("SOURCE")
                .build()).consistentRead(true));
    }

    private JsonNode listed(String id) {
        for (JsonNode s : ok(list.handleRequest(Events.http("api/list-sources.json"), null)).path("sources")) {
            if (s.path("id").asText().equals(id)) return s;
        }
        throw new AssertionError("source " + id + " is not listed");
    }

    @Test
    @DisplayName("a created source answers 201 with its secret once; a signal signed with that secret is accepted (202)")
    void createThenSend() {
        String id = newSourceId();

        APIGatewayV2HTTPResponse response = createSource(
                "{\"id\": \"" + id + "\", \"kind\": \"SIGNALS\", \"strategies\": [\"trend\", \"breakout\"]}");

        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(201);
        JsonNode body = json(response);
        String secret = body.path("secret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat(body.path("source").path("id").asText()).isEqualTo(id);
        assertThat(body.path("source").path("kind").asText()).isEqualTo("SIGNALS");
        assertThat(body.path("source").path("strategies").size()).isEqualTo(2);
        assertThat(body.path("source").path("enabled").asBoolean()).isTrue();
        assertThat(body.path("source").has("pk")).isFalse();
        assertThat(signal(id, secret)).isEqualTo(202);
        assertThat(signal(id, secret + "x")).isEqualTo(401);
    }

    @Test
    @DisplayName("the secret is never stored in plain, never listed and never logged")
    void secretShownOnce() {
        String id = newSourceId();
        String secret;
        try (LogCapture admin = LogCapture.of(SourceAdmin.class); LogCapture handlers = LogCapture.of(ApiHandler.class)) {
            secret = createSignalSource(id);
            APIGatewayV2HTTPResponse listing = list.handleRequest(Events.http("api/list-sources.json"), null);
            String rotated = json(rotate(id)).path("secret").asText();

            assertThat(listing.getBody()).contains(id).doesNotContain(secret).doesNotContain("ecret\":");
            assertThat(admin.messages(Level.INFO)).anyMatch(m -> m.contains(id) && m.contains("created"));
            Stream.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR)
                    .flatMap(level -> Stream.concat(admin.messages(level).stream(), handlers.messages(level).stream()))
                    .forEach(line -> assertThat(line).doesNotContain(secret).doesNotContain(rotated));
        }
        SourceItem item = stored(id);
        assertThat(item.secret()).isNull();
        assertThat(item.sealedSecret()).startsWith("v1:").doesNotContain(secret);
        assertThat(item.toString()).doesNotContain(secret);
    }

    @Test
    @DisplayName("after a rotation old and new secrets both verify for 24 h by the clock; then only the new one does")
    void rotationOverlap() {
        String id = newSourceId();
        String old = createSignalSource(id);
        Instant rotatedAt = CLOCK.instant();

        JsonNode rotated = ok(rotate(id));

        String fresh = rotated.path("secret").asText();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(Instant.parse(rotated.path("source").path("previousSecretValidUntil").asText()))
                .isEqualTo(rotatedAt.plus(Duration.ofHours(24)));
        assertThat(signal(id, old)).isEqualTo(202);
        assertThat(signal(id, fresh)).isEqualTo(202);
        CLOCK.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(signal(id, old)).as("one second before the overlap ends").isEqualTo(202);
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(signal(id, old)).as("when the overlap ends").isEqualTo(401);
        assertThat(signal(id, fresh)).isEqualTo(202);
        assertThat(noValue(listed(id), "previousSecretValidUntil")).isTrue();
    }

    @Test
    @DisplayName("rotating twice within the overlap leaves the last two secrets valid, never the first")
    void rotateTwice() {
        String id = newSourceId();
        String first = createSignalSource(id);
        String second = json(rotate(id)).path("secret").asText();

        String third = json(rotate(id)).path("secret").asText();

        assertThat(signal(id, first)).isEqualTo(401);
        assertThat(signal(id, second)).isEqualTo(202);
        assertThat(signal(id, third)).isEqualTo(202);
    }

    @Test
    @DisplayName("a disabled source's signals are refused with 401 until it is enabled again; the listing shows which")
    void disableAndEnable() {
        String id = newSourceId();
        String secret = createSignalSource(id);

        JsonNode disabled = ok(disable.handleRequest(onSource("api/disable-source.json", id), null));

        assertThat(disabled.path("enabled").asBoolean()).isFalse();
        assertThat(signal(id, secret)).isEqualTo(401);
        assertThat(listed(id).path("enabled").asBoolean()).isFalse();
        JsonNode enabled = ok(enable.handleRequest(onSource("api/enable-source.json", id), null));
        assertThat(enabled.path("enabled").asBoolean()).isTrue();
        assertThat(signal(id, secret)).isEqualTo(202);
    }

    @Test
    @DisplayName("a source created with an id that exists gets 409, and the existing secret keeps working")
    void duplicate() {
        String id = newSourceId();
        String secret = createSignalSource(id);

        APIGatewayV2HTTPResponse again = createSource("{\"id\": \"" + id + "\", \"kind\": \"PRICES\"}");

        problem(again, 409, "conflict");
        assertThat(stored(id).kind()).isEqualTo("SIGNALS");
        assertThat(signal(id, secret)).isEqualTo(202);
    }

    @Test
    @DisplayName("a price feed is created with kind PRICES and no strategies, and cannot send signals")
    void priceSource() {
        String id = newSourceId();

        APIGatewayV2HTTPResponse response = createSource("{\"id\": \"" + id + "\", \"kind\": \"PRICES\"}");

        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(201);
        assertThat(json(response).path("source").path("kind").asText()).isEqualTo("PRICES");
        assertThat(signal(id, json(response).path("secret").asText())).isEqualTo(401);
    }

    @Test
    @DisplayName("a source created with its own rate limit is listed with it and refused with 429 past it; one created "
            + "without is listed with the default")
    void createWithRateLimit() {
        String id = newSourceId();
        String defaulted = newSourceId();

        APIGatewayV2HTTPResponse response = createSource("{\"id\": \"" + id + "\", \"kind\": \"SIGNALS\", "
                + "\"strategies\": [\"*\"], \"rateLimitPerMinute\": 2}");
        String secret = json(response).path("secret").asText();
        createSignalSource(defaulted);

        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(201);
        assertThat(json(response).path("source").path("rateLimitPerMinute").asInt()).isEqualTo(2);
        assertThat(stored(id).rateLimitPerMinute()).isEqualTo(2);
        assertThat(listed(id).path("rateLimitPerMinute").asInt()).isEqualTo(2);
        assertThat(listed(defaulted).path("rateLimitPerMinute").asInt()).isEqualTo(1000);
        assertThat(stored(defaulted).rateLimitPerMinute()).as("the default is not copied into the item").isNull();
        assertThat(List.of(signal(id, secret), signal(id, secret), signal(id, secret))).containsExactly(202, 202, 429);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of("{\"id\": \"Upper_Case\", \"kind\": \"SIGNALS\", \"strategies\": [\"*\"]}", "id"),
                Arguments.of("{\"id\": \"" + "x".repeat(41) + "\", \"kind\": \"SIGNALS\", \"strategies\": [\"*\"]}", "id"),
                Arguments.of("{\"kind\": \"SIGNALS\", \"strategies\": [\"*\"]}", "id"),
                Arguments.of("{\"id\": \"ok-id\", \"strategies\": [\"*\"]}", "kind"),
                Arguments.of("{\"id\": \"ok-id\", \"kind\": \"ORDERS\", \"strategies\": [\"*\"]}", "kind"),
                Arguments.of("{\"id\": \"ok-id\", \"kind\": \"SIGNALS\"}", "strategies"),
                Arguments.of("{\"id\": \"ok-id\", \"kind\": \"SIGNALS\", \"strategies\": []}", "strategies"),
                Arguments.of("{\"id\": \"ok-id\", \"kind\": \"SIGNALS\", \"strategies\": [\"a b\"]}", "strategies[0]"),
                Arguments.of("{\"id\": \"ok-id\", \"kind\": \"PRICES\", \"strategies\": [\"*\"]}", "strategies"),
                Arguments.of("{\"id\": \"ok-id\", \"kind\": \"SIGNALS\", \"strategies\": [\"*\"], "
                        + "\"rateLimitPerMinute\": 0}", "rateLimitPerMinute"),
                Arguments.of("{\"id\": \"ok-id\", \"kind\": \"PRICES\", \"rateLimitPerMinute\": 1000001}",
                        "rateLimitPerMinute"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("brokenRules")
    @DisplayName("a create that breaks a rule gets 422 naming the field, and creates nothing")
    void brokenRule(String body, String field) {
        APIGatewayV2HTTPResponse response = createSource(body);

        JsonNode problem = problem(response, 422, "rule-violation");
        assertThat(texts(problem.path("errors"), "field")).contains(field);
        assertThat(stored("ok-id")).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"id\": ", "[\"ok-id\"]", "{\"id\": \"ok-id\", \"kind\": \"SIGNALS\", \"strategies\": \"*\"}",
            "{\"id\": {\"name\": \"ok-id\"}, \"kind\": \"SIGNALS\", \"strategies\": [\"*\"]}",
            "{\"id\": \"ok-id\", \"kind\": \"SIGNALS\", \"strategies\": [\"*\"], \"rateLimitPerMinute\": 2.5}"})
    @DisplayName("a malformed create body gets 400 problem+json, never a 500, and creates nothing")
    void malformed(String body) {
        JsonNode problem = problem(createSource(body), 400, "invalid-input");

        assertThat(problem.toString()).doesNotContain("java.").doesNotContain("Cannot deserialize");
        assertThat(stored("ok-id")).isNull();
    }

    static Stream<Arguments> onSourceRoutes() {
        return Stream.of(Arguments.of("rotate", "api/rotate-source.json"),
                Arguments.of("disable", "api/disable-source.json"), Arguments.of("enable", "api/enable-source.json"));
    }

    private ApiHandler handlerFor(String route) {
        return switch (route) {
            case "rotate" -> rotate;
            case "disable" -> disable;
            default -> enable;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onSourceRoutes")
    @DisplayName("rotate, disable and enable answer 404 for an unknown source and 400 for a path that is no source id")
    void unknownOrMalformedId(String route, String eventFile) {
        ApiHandler handler = handlerFor(route);

        problem(handler.handleRequest(onSource(eventFile, newSourceId()), null), 404, "not-found");
        JsonNode bad = problem(handler.handleRequest(onSource(eventFile, "NOT_AN_ID"), null), 400, "invalid-input");
        assertThat(texts(bad.path("errors"), "field")).containsExactly("id");
    }

    /** Each route's sample event, as a trader without the admin group would send it. */
    static Stream<Arguments> asTrader() {
        return Stream.of(Arguments.of("create-source.json"), Arguments.of("list-sources.json"),
                Arguments.of("rotate-source.json"), Arguments.of("disable-source.json"),
                Arguments.of("enable-source.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asTrader")
    @DisplayName("a trader (no admin group) gets 403 from every source route, and nothing changes")
    void tradersRefused(String eventFile) {
        String id = newSourceId();
        String secret = createSignalSource(id);
        APIGatewayV2HTTPEvent event = Events.http("api/" + eventFile);
        if (event.getPathParameters() != null) event.setPathParameters(Map.of("id", id));
        event.setBody("{\"id\": \"" + id + "-2\", \"kind\": \"SIGNALS\", \"strategies\": [\"*\"]}");
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        Map<String, String> claims = new HashMap<>(jwt.getClaims());
        claims.remove("cognito:groups");
        claims.put("sub", "trader-" + id);
        jwt.setClaims(claims);
        Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = Map.<String,
                Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>>of(
                "create-source.json", e -> create.handleRequest(e, null),
                "list-sources.json", e -> list.handleRequest(e, null),
                "rotate-source.json", e -> rotate.handleRequest(e, null),
                "disable-source.json", e -> disable.handleRequest(e, null),
                "enable-source.json", e -> enable.handleRequest(e, null)).get(eventFile);

        APIGatewayV2HTTPResponse response = handler.apply(event);

        JsonNode problem = problem(response, 403, "forbidden");
        assertThat(response.getBody()).doesNotContain(id + "\"");
        assertThat(stored(id + "-2")).isNull();
        assertThat(signal(id, secret)).as("the source still verifies with its secret").isEqualTo(202);
        assertThat(problem.path("detail").asText()).contains("admin");
    }

    @Test
    @DisplayName("a source stored in plain text before sealing keeps verifying; rotating it seals both secrets")
    void plainTextSourceMigrates() {
        String id = newSourceId();
        String plain = "legacy-plain-secret-" + id;
        tables.sources().putItem(new SourceItem(Keys.source(id), "SOURCE", id, "SIGNALS", plain, List.of("*"),
                CLOCK.instant(), null, null, null, null, null, null, null, null, null));
        assertThat(signal(id, plain)).isEqualTo(202);

        String fresh = json(rotate(id)).path("secret").asText();

        SourceItem item = stored(id);
        assertThat(item.secret()).isNull();
        assertThat(item.sealedSecret()).doesNotContain(fresh);
        assertThat(item.previousSealedSecret()).startsWith("v1:").doesNotContain(plain);
        assertThat(signal(id, plain)).as("during the overlap").isEqualTo(202);
        assertThat(signal(id, fresh)).isEqualTo(202);
        assertThat(listed(id).path("kind").asText()).isEqualTo("SIGNALS");
    }
}
