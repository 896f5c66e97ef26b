package com.nija.functions.http;

import static com.nija.functions.support.ApiResponses.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.admin.KillSwitchHandler;
import com.nija.functions.billing.StripeSigning;
import com.nija.functions.billing.StripeWebhookHandler;
import com.nija.functions.engine.ClosePositionHandler;
import com.nija.functions.settings.PutSettingsHandler;
import com.nija.functions.signals.PriceIngestHandler;
import com.nija.functions.signals.SignalIntakeHandler;
import com.nija.functions.support.ApiResponses;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.data.ControlItem;
import com.nija.shared.engine.KillSwitch;
import com.nija.shared.signals.SourceRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a careless or hostile client gets for a malformed body on every route that reads one (signed where the route
 * needs a signature, so the body is really read): a 4xx problem+json in product words — never a 5xx, never a Java
 * class, a Jackson message or a table key — and nothing written.
 */
class MalformedBodiesTest {
    private static final String SIGNALS = "malformed-bodies-signals";
    private static final String PRICES = "malformed-bodies-prices";
    private static final String SECRET = "malformed-bodies-secret-0123";
    private static final String STRIPE_SECRET = "whsec_malformedBodiesSecret0123456789";
    /** What would tell a client how we are built. */
    private static final List<String> LEAKS = List.of("java.", "javax.", "com.nija", "com.fasterxml", "jackson",
            "Cannot deserialize", "reference chain", "Exception", "was expecting", "Unexpected character", "Unrecognized",
            "`", "\"pk\"", "\"sk\"", "USER#", "POS#", "SOURCE#");

    private static final ApplicationContext context = LocalBackends.get().context();
    private static ApplicationContext billing;

    @BeforeAll
    static void sendersAndStripe() {
        SourceRegistry sources = context.getBean(SourceRegistry.class);
        sources.register(SIGNALS, SourceRegistry.SIGNALS, SECRET, List.of("*"), now(context));
        sources.register(PRICES, "PRICES", SECRET, List.of("*"), now(context));
        billing = LocalBackends.get().newContext(Map.of("nija.billing.stripe-webhook-secret", STRIPE_SECRET));
    }

    @AfterAll
    static void closeBilling() {
        billing.close();
    }

    private static java.time.Instant now(ApplicationContext ctx) {
        return ctx.getBean(Clock.class).instant();
    }

    static Stream<Arguments> routesAndBodies() {
        String wrongTypes = "{\"positionId\": {\"a\": 1}, \"engaged\": [], \"reason\": [1], \"maxOpenPositions\": {},"
                + " \"allowShorts\": \"x\", \"allowedSymbols\": 5, \"prices\": \"x\", \"symbol\": {}, \"action\": [],"
                + " \"id\": [], \"type\": {}, \"data\": 7, \"timestamp\": {}, \"maxLag\": [], \"version\": \"v\"}";
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("a truncated object", "{\"positionId\": \"p-1\"");
        bodies.put("trailing garbage", "{\"engaged\": false} garbage");
        bodies.put("two documents", "{}{}");
        bodies.put("an array", "[]");
        bodies.put("null", "null");
        bodies.put("a string", "\"text\"");
        bodies.put("a number", "42");
        bodies.put("form encoding", "positionId=p-1&engaged=true");
        bodies.put("5,000 levels of nesting", "[".repeat(5000) + "]".repeat(5000));
        bodies.put("a 5,000-digit number", "{\"maxOpenPositions\": 1" + "0".repeat(5000) + "}");
        bodies.put("a bad unicode escape", "{\"reason\": \"\\uZZZZ\"}");
        bodies.put("a field given twice", "{\"engaged\": false, \"engaged\": true}");
        bodies.put("every field of the wrong type", wrongTypes);
        bodies.put("300 KB of text", "{\"reason\": \"" + "x".repeat(300 * 1024) + "\"}");
        return Stream.of("put-settings", "close-position", "kill-switch", "signal-intake", "price-ingest", "stripe-webhook")
                .flatMap(route -> bodies.entrySet().stream().map(b -> Arguments.of(route, b.getKey(), b.getValue())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("routesAndBodies")
    @DisplayName("a malformed body gets a 4xx problem that leaks nothing about how we are built, and writes nothing")
    void refusedCleanly(String route, String what, String body) {
        TraderFixture trader = TraderFixture.newTrader();
        Optional<ControlItem> killSwitch = context.getBean(KillSwitch.class).current();

        APIGatewayV2HTTPResponse response = send(route, body, trader.userId());

        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isBetween(400, 499);
        assertThat(header(response, "Content-Type")).isEqualTo("application/problem+json");
        assertThat(ApiResponses.json(response).path("detail").asText()).isNotBlank();
        for (String leak : LEAKS) {
            assertThat(response.getBody()).as("answer to %s on %s", what, route).doesNotContainIgnoringCase(leak);
        }
        assertThat(TraderFixture.storedItemCount(trader.userId())).isZero();
        assertThat(context.getBean(KillSwitch.class).current()).isEqualTo(killSwitch);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"put-settings", "close-position", "kill-switch",
            "signal-intake", "price-ingest", "stripe-webhook"})
    @DisplayName("a body over 256 KB is refused with 413 before any route reads it, signed or not")
    void oversizedBodyIs413(String route) {
        TraderFixture trader = TraderFixture.newTrader();
        String body = "{\"reason\": \"" + "x".repeat(256 * 1024) + "\"}";

        APIGatewayV2HTTPResponse response = send(route, body, trader.userId());

        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(413);
        assertThat(ApiResponses.json(response).path("type").asText()).endsWith("/payload-too-large");
        assertThat(TraderFixture.storedItemCount(trader.userId())).isZero();
    }

    private static APIGatewayV2HTTPResponse send(String route, String body, String userId) {
        return switch (route) {
            case "put-settings" -> new PutSettingsHandler(context).handleRequest(
                    Events.withBody(Events.http("api/put-settings.json", userId), body), null);
            case "close-position" -> new ClosePositionHandler(context).handleRequest(
                    Events.withBody(Events.http("api/close-position.json", userId), body), null);
            case "kill-switch" -> new KillSwitchHandler(context).handleRequest(
                    Events.withBody(Events.http("api/kill-switch.json"), body), null);
            case "signal-intake" -> new SignalIntakeHandler(context).handleRequest(
                    signed(Events.http("api/signal-intake.json"), SIGNALS, body), null);
            case "price-ingest" -> new PriceIngestHandler(context).handleRequest(
                    signed(Events.http("api/price-ingest.json"), PRICES, body), null);
            case "stripe-webhook" -> new StripeWebhookHandler(billing).handleRequest(Events.withHeader(
                    Events.withBody(Events.http("api/stripe-webhook.json"), body), "Stripe-Signature",
                    StripeSigning.header(body, STRIPE_SECRET, now(billing).getEpochSecond())), null);
            default -> throw new IllegalArgumentException(route);
        };
    }

    /** The event with {@code body}, signed now by {@code source} the way a programmatic sender signs. */
    private static APIGatewayV2HTTPEvent signed(APIGatewayV2HTTPEvent event, String source, String body) {
        return Events.signed(event, source, SECRET, body, now(context));
    }
}
