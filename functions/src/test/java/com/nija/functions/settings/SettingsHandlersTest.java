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
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
    @DisplayName("a validly signed token that names no trader (no sub) is refused with 401 and the RFC 6750 reason")
    void tokenWithoutSubject() {
        APIGatewayV2HTTPEvent event = Events.http("api/get-settings.json");
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.remove("sub");
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);

        APIGatewayV2HTTPResponse response = getHandler.handleRequest(event, null);

        problem(response, 401, "unauthorized");
        assertThat(header(response, "WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
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
}
