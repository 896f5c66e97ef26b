package com.nija.functions.settings;

import static com.nija.functions.support.ApiResponses.header;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.account.BotState;
import com.nija.shared.data.SettingsItem;
import io.micronaut.context.ApplicationContext;
import com.nija.shared.signals.SourceRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET and PUT /api/v1/settings together: what one writes, the other must show. */
class SettingsHandlersTest {
    private static final String OTHER_SETTINGS = "{\"positionSizePct\": \"7.5\", \"maxOpenPositions\": 2, "
            + "\"dailyLossLimit\": \"100\", \"allowedSymbols\": [\"SOLUSD\"], \"allowShorts\": true, "
            + "\"tradingEnabled\": false}";

    private final ApplicationContext context = LocalBackends.get().context();
    private final GetSettingsHandler getHandler = new GetSettingsHandler(context);
    private final PutSettingsHandler putHandler = new PutSettingsHandler(context);

    private APIGatewayV2HTTPResponse get(TraderFixture trader) {
        return getHandler.handleRequest(Events.http("api/get-settings.json", trader.userId()), null);
    }

    /** The sample PUT (3%, 5 positions, $250, BTC-USD + ETHUSD, stop 2.5%, target 5%, trading on) with If-Match. */
    private APIGatewayV2HTTPResponse put(TraderFixture trader, String ifMatch) {
        return putHandler.handleRequest(
                Events.withHeader(Events.http("api/put-settings.json", trader.userId()), "If-Match", ifMatch), null);
    }

    private APIGatewayV2HTTPResponse put(TraderFixture trader, String ifMatch, String body) {
        APIGatewayV2HTTPEvent event = Events.withHeader(Events.http("api/put-settings.json", trader.userId()),
                "If-Match", ifMatch);
        return putHandler.handleRequest(Events.withBody(event, body), null);
    }

    /** A trader whose plan (pro: up to 10 open positions) admits the sample settings. */
    private static TraderFixture proTrader() {
        return TraderFixture.newTrader().profile("pro", BotState.RUNNING, "10000.00");
    }

    private static void assertSampleValues(JsonNode s) {
        assertThat(s.path("positionSizePct").asText()).isEqualTo("3");
        assertThat(s.path("maxOpenPositions").asInt()).isEqualTo(5);
        assertThat(new BigDecimal(s.path("dailyLossLimit").asText())).isEqualByComparingTo("250");
        assertThat(s.path("allowedSymbols")).hasSize(2);
        assertThat(s.path("allowedSymbols").get(0).asText()).isEqualTo("BTC-USD");
        assertThat(s.path("allowedSymbols").get(1).asText()).isEqualTo("ETH-USD");
        assertThat(new BigDecimal(s.path("stopLossPct").asText())).isEqualByComparingTo("2.5");
        assertThat(new BigDecimal(s.path("takeProfitPct").asText())).isEqualByComparingTo("5");
        assertThat(s.path("tradingEnabled").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a new trader gets NIJA's default risk settings with ETag \"0\"")
    void defaultsForNewTrader() {
        TraderFixture trader = TraderFixture.newTrader();

        APIGatewayV2HTTPResponse response = get(trader);

        JsonNode s = ok(response);
        assertThat(header(response, "ETag")).isEqualTo("\"0\"");
        assertThat(s.path("version").asLong()).isZero();
        assertThat(s.path("positionSizePct").asText()).isEqualTo("2");
        assertThat(s.path("dailyLossLimit").asText()).isEqualTo("500");
        assertThat(s.path("maxOpenPositions").asInt()).isEqualTo(3); // the free plan's cap
        assertThat(s.path("allowedSymbols")).isEmpty();
        assertThat(s.path("allowShorts").asBoolean()).isFalse();
        assertThat(s.path("tradingEnabled").asBoolean()).isFalse();
        assertThat(trader.storedSettings()).as("reading defaults stores nothing").isEmpty();
    }

    @Test
    @DisplayName("PUT with If-Match \"0\" saves, answers ETag \"1\" and normalizes ETHUSD to ETH-USD")
    void firstSave() {
        TraderFixture trader = proTrader();

        APIGatewayV2HTTPResponse response = put(trader, "\"0\"");

        JsonNode saved = ok(response);
        assertThat(header(response, "ETag")).isEqualTo("\"1\"");
        assertThat(saved.path("version").asLong()).isEqualTo(1);
        assertSampleValues(saved);
        SettingsItem stored = trader.storedSettings().orElseThrow();
        assertThat(stored.version()).isEqualTo(1L);
        assertThat(stored.allowedSymbols()).containsExactly("BTC-USD", "ETH-USD");
    }

    @Test
    @DisplayName("GET after a PUT shows the new settings even though an earlier GET had cached the defaults")
    void getAfterPutIsFresh() {
        TraderFixture trader = proTrader();
        double hitsBefore = LocalBackends.get().metrics().total("CacheHit");
        assertThat(header(get(trader), "ETag")).isEqualTo("\"0\"");
        assertThat(header(get(trader), "ETag")).isEqualTo("\"0\"");
        assertThat(LocalBackends.get().metrics().total("CacheHit"))
                .as("the second GET was served from the cache").isGreaterThan(hitsBefore);

        ok(put(trader, "\"0\""));
        APIGatewayV2HTTPResponse after = get(trader);

        assertThat(header(after, "ETag")).isEqualTo("\"1\"");
        assertSampleValues(ok(after));
    }

    @Test
    @DisplayName("PUT with a stale If-Match is refused with 412 and the stored settings stay as they were")
    void staleIfMatch() {
        TraderFixture trader = proTrader();
        ok(put(trader, "\"0\""));   // someone else saved first: version 1

        APIGatewayV2HTTPResponse response = put(trader, "\"0\"", OTHER_SETTINGS);

        problem(response, 412, "version-conflict");
        SettingsItem stored = trader.storedSettings().orElseThrow();
        assertThat(stored.version()).isEqualTo(1L);
        assertThat(stored.positionSizePct()).isEqualByComparingTo("3");
        APIGatewayV2HTTPResponse reread = get(trader);
        assertThat(header(reread, "ETag")).isEqualTo("\"1\"");
        assertSampleValues(ok(reread));
    }

    @Test
    @DisplayName("PUT with the current ETag after a save succeeds and moves the version on")
    void secondSaveWithCurrentEtag() {
        TraderFixture trader = proTrader();
        String etag = header(put(trader, "\"0\""), "ETag");

        APIGatewayV2HTTPResponse response = put(trader, etag, OTHER_SETTINGS);

        JsonNode saved = ok(response);
        assertThat(header(response, "ETag")).isEqualTo("\"2\"");
        assertThat(saved.path("positionSizePct").asText()).isEqualTo("7.5");
        assertThat(saved.path("allowedSymbols").get(0).asText()).isEqualTo("SOL-USD");
    }

    @Test
    @DisplayName("PUT without If-Match or a version is refused with 428 and writes nothing")
    void noPrecondition() {
        TraderFixture trader = proTrader();

        APIGatewayV2HTTPResponse response = put(trader, null);

        problem(response, 428, "precondition-required");
        assertThat(trader.storedSettings()).isEmpty();
    }

    @Test
    @DisplayName("a version field in the body works in place of If-Match")
    void versionInBody() {
        TraderFixture trader = proTrader();
        String body = OTHER_SETTINGS.replace("}", ", \"version\": 0}");

        APIGatewayV2HTTPResponse response = put(trader, null, body);

        assertThat(ok(response).path("version").asLong()).isEqualTo(1);
        assertThat(header(response, "ETag")).isEqualTo("\"1\"");
    }

    @Test
    @DisplayName("settings that break the risk rules are refused with 422 listing every violation, nothing written")
    void ruleViolations() {
        TraderFixture trader = proTrader();

        APIGatewayV2HTTPResponse response = putHandler.handleRequest(
                Events.http("api/put-settings-invalid.json", trader.userId()), null);

        JsonNode body = problem(response, 422, "rule-violation");
        assertThat(texts(body.path("errors"), "field"))
                .containsExactlyInAnyOrder("positionSizePct", "maxOpenPositions", "dailyLossLimit", "allowedSymbols");
        assertThat(texts(body.path("errors"), "message")).allSatisfy(m -> assertThat(m).isNotBlank());
        assertThat(trader.storedSettings()).isEmpty();
        assertThat(header(get(trader), "ETag")).isEqualTo("\"0\"");
    }

    @Test
    @DisplayName("an allowed symbol NIJA does not trade (FOO-BAR) is a 422 naming allowedSymbols, nothing written")
    void unlistedAllowedSymbol() {
        TraderFixture trader = proTrader();

        JsonNode body = problem(put(trader, "\"0\"", OTHER_SETTINGS.replace("SOLUSD", "FOO-BAR")), 422, "rule-violation");

        assertThat(texts(body.path("errors"), "field")).containsExactly("allowedSymbols");
        assertThat(texts(body.path("errors"), "message")).singleElement().asString().contains("FOO-BAR");
        assertThat(trader.storedSettings()).isEmpty();
    }

    @Test
    @DisplayName("more open positions than the trader's plan allows is a 422 naming maxOpenPositions")
    void planCapsOpenPositions() {
        TraderFixture freeTrader = TraderFixture.newTrader(); // free plan: at most 3

        JsonNode body = problem(put(freeTrader, "\"0\""), 422, "rule-violation");

        assertThat(texts(body.path("errors"), "field")).containsExactly("maxOpenPositions");
        assertThat(freeTrader.storedSettings()).isEmpty();
    }

    @Test
    @DisplayName("a body that is not JSON is refused with 400 invalid-input and writes nothing")
    void notJson() {
        TraderFixture trader = proTrader();

        APIGatewayV2HTTPResponse response = put(trader, "\"0\"", "positionSizePct=3&maxOpenPositions=5");

        JsonNode body = problem(response, 400, "invalid-input");
        assertThat(texts(body.path("errors"), "field")).containsExactly("body");
        assertThat(trader.storedSettings()).isEmpty();
    }

    @Test
    @DisplayName("an If-Match that is not an ETag is refused with 400")
    void malformedIfMatch() {
        TraderFixture trader = proTrader();

        problem(put(trader, "\"latest\""), 400, "invalid-input");

        assertThat(trader.storedSettings()).isEmpty();
    }

    /** The sample settings as a body, with one field's raw JSON value replaced (or added). */
    private static String sampleWith(String field, String rawValue) {
        String sample = "{\"positionSizePct\": \"3\", \"maxOpenPositions\": 5, \"dailyLossLimit\": \"250.00\", "
                + "\"allowedSymbols\": [\"BTC-USD\"], \"allowShorts\": false, \"tradingEnabled\": true}";
        return sample.replaceFirst("\"" + field + "\": [^,}]+", "\"" + field + "\": " + java.util.regex.Matcher.quoteReplacement(rawValue));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            maxOpenPositions 1.9 is not truncated to 1    | maxOpenPositions | 1.9          | must be a whole number
            maxOpenPositions "3" is not read as 3         | maxOpenPositions | '"3"'        | must be a whole number
            allowShorts 1 is not coerced to true          | allowShorts      | 1            | must be true or false
            allowShorts "true" is not coerced to true     | allowShorts      | '"true"'     | must be true or false
            tradingEnabled 0.0 is not coerced to false    | tradingEnabled   | 0.0          | must be true or false
            one symbol is not read as a list of one       | allowedSymbols   | '"BTC-USD"'  | must be a list
            a symbol list of objects                      | allowedSymbols   | '[{}]'       | must be text
            """)
    @DisplayName("strict settings: a value of the wrong kind is refused with 400 naming the field, nothing guessed or written")
    void noCoercion(String what, String field, String rawValue, String rule) {
        TraderFixture trader = proTrader();

        APIGatewayV2HTTPResponse response = put(trader, "\"0\"", sampleWith(field, rawValue));

        JsonNode body = problem(response, 400, "invalid-input");
        JsonNode error = body.path("errors").get(0);
        assertThat(error.path("field").asText()).startsWith(field);
        assertThat(error.path("message").asText()).isEqualTo(rule);
        assertThat(trader.storedSettings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            trailing garbage                  | {"maxOpenPositions": 5, "allowShorts": false} garbage
            two concatenated JSON documents   | {"maxOpenPositions": 5, "allowShorts": false}{"maxOpenPositions": 9}
            a field given twice               | {"maxOpenPositions": 1, "maxOpenPositions": 9, "allowShorts": false}
            """)
    @DisplayName("strict settings: a body that is not exactly one JSON object is refused with 400, nothing written")
    void oneDocumentOnly(String what, String prefix) {
        TraderFixture trader = proTrader();
        String valid = "\"positionSizePct\": \"3\", \"dailyLossLimit\": \"250\", \"tradingEnabled\": true, ";
        String body = "{" + valid + prefix.substring(1);

        APIGatewayV2HTTPResponse response = put(trader, "\"0\"", body);

        JsonNode problem = problem(response, 400, "invalid-input");
        assertThat(problem.path("errors")).isNotEmpty();
        assertThat(trader.storedSettings()).isEmpty();
    }

    @Test
    @DisplayName("a subscription to a signal source nobody registered (or to a price feed) is refused with 422 naming subscriptions")
    void unknownSourceRefused() {
        TraderFixture trader = proTrader();
        SourceRegistry sources = context.getBean(SourceRegistry.class);
        String known = "settings-known-" + trader.userId().substring(2, 10);
        String feed = "settings-feed-" + trader.userId().substring(2, 10);
        sources.register(known, SourceRegistry.SIGNALS, "known-secret", List.of("*"), context.getBean(Clock.class).instant());
        sources.register(feed, "PRICES", "feed-secret", List.of("*"), context.getBean(Clock.class).instant());

        APIGatewayV2HTTPResponse response = put(trader, "\"0\"",
                sampleWith("allowShorts", "false, \"subscriptions\": [\"" + known + "\", \"no-such-source\", \"" + feed + "\"]"));

        JsonNode body = problem(response, 422, "rule-violation");
        assertThat(texts(body.path("errors"), "field")).containsExactly("subscriptions", "subscriptions");
        assertThat(texts(body.path("errors"), "message")).anySatisfy(m -> assertThat(m).contains("no-such-source"))
                .anySatisfy(m -> assertThat(m).contains(feed)).noneSatisfy(m -> assertThat(m).contains(known));
        assertThat(trader.storedSettings()).isEmpty();
    }

    @Test
    @DisplayName("a subscription to a registered signal source is saved")
    void knownSourceSaved() {
        TraderFixture trader = proTrader();
        String known = "settings-ok-" + trader.userId().substring(2, 10);
        context.getBean(SourceRegistry.class).register(known, SourceRegistry.SIGNALS, "known-secret", List.of("*"),
                context.getBean(Clock.class).instant());

        JsonNode saved = ok(put(trader, "\"0\"", sampleWith("allowShorts", "false, \"subscriptions\": [\"" + known + "\"]")));

        assertThat(saved.path("subscriptions")).hasSize(1);
        assertThat(saved.path("subscriptions").get(0).asText()).isEqualTo(known);
        assertThat(trader.storedSettings()).hasValueSatisfying(s -> assertThat(s.subscriptions()).containsExactly(known));
    }
}
