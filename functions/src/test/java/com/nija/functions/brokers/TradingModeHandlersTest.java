package com.nija.functions.brokers;

import static com.nija.functions.brokers.BrokerRoutes.require;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.BrokerKeys;
import com.nija.functions.support.Events;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.account.BotState;
import com.nija.shared.brokers.BrokerLinkRepository;
import com.nija.shared.brokers.TradingModeItem;
import com.nija.shared.venues.KeyCheck;
import com.nija.shared.venues.Venue;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consent to trade live, judged by what a trader notices: live only with a plan that trades live, the venue
 * connected and its key's last test passed — and the refusal says exactly which of these is missing; paper at any
 * time; the mode shows in the account and the dashboard; a key in live use can be neither removed nor replaced.
 */
class TradingModeHandlersTest {
    private static final String LIVE_COINBASE = "{\"mode\":\"live\",\"venue\":\"coinbase\",\"acknowledgeRisk\":true}";
    private static final String PAPER = "{\"mode\":\"paper\"}";

    private final BrokerRoutes routes = BrokerRoutes.get();
    private final BrokerLinkRepository links = routes.context.getBean(BrokerLinkRepository.class);

    /** A trader on {@code tier} with everything else live needs (terms, graduation) in place. */
    private String trader(String tier) {
        String user = TraderFixture.newTrader().profile(tier, BotState.RUNNING, "10000.00").userId();
        routes.readyForLive(user);
        return user;
    }

    private static String live(Venue venue) {
        return "{\"mode\":\"live\",\"venue\":\"" + venue.wire() + "\",\"acknowledgeRisk\":true}";
    }

    private String mode(String user) {
        return ok(routes.getMode(user)).path("mode").asText();
    }

    private List<String> missing(JsonNode problem) {
        List<String> out = new java.util.ArrayList<>();
        problem.path("missing").forEach(m -> out.add(m.asText()));
        return out;
    }

    @Test
    @DisplayName("a trader starts on paper: the mode route, the account and the dashboard all say so")
    void paperByDefault() {
        String user = trader("pro");

        assertThat(ok(routes.getMode(user)).path("mode").asText()).isEqualTo("paper");
        assertThat(ok(routes.account(user)).path("tradingMode").path("mode").asText()).isEqualTo("paper");
        assertThat(ok(routes.dashboard(user)).path("tradingMode").path("mode").asText()).isEqualTo("paper");
    }

    @Test
    @DisplayName("with a plan that trades live and a tested key, live is 200 and shows in the mode, account, dashboard and listing")
    void goesLive() {
        String user = trader("pro");
        routes.connectedAndTested(user, Venue.COINBASE);
        assertThat(ok(routes.dashboard(user)).path("tradingMode").path("mode").asText()).isEqualTo("paper");

        JsonNode live = ok(routes.setMode(user, LIVE_COINBASE));

        assertThat(live.path("mode").asText()).isEqualTo("live");
        assertThat(live.path("venue").asText()).isEqualTo("coinbase");
        assertThat(live.path("riskAcknowledgedAt").asText()).isEqualTo(routes.clock.instant().toString());
        assertThat(live.path("since").asText()).isEqualTo(routes.clock.instant().toString());
        assertThat(ok(routes.getMode(user)).path("venue").asText()).isEqualTo("coinbase");
        JsonNode account = ok(routes.account(user)).path("tradingMode");
        assertThat(account.path("mode").asText()).isEqualTo("live");
        assertThat(account.path("venue").asText()).isEqualTo("coinbase");
        // The dashboard's cached snapshot (30 s) was read above: the switch itself must have made it stale.
        assertThat(ok(routes.dashboard(user)).path("tradingMode").path("venue").asText()).isEqualTo("coinbase");
        assertThat(ok(routes.list(user)).path("brokers").get(0).path("live").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("the free plan trades on paper only: live is 409 live-trading-refused saying the plan is what is missing")
    void freePlanRefused() {
        String user = trader("free");
        routes.connectedAndTested(user, Venue.COINBASE);

        JsonNode problem = problem(routes.setMode(user, LIVE_COINBASE), 409, "live-trading-refused");

        assertThat(missing(problem)).singleElement().asString().contains("free plan trades on paper only");
        assertThat(mode(user)).isEqualTo("paper");
    }

    @Test
    @DisplayName("everything missing is said at once: the plan and the connection")
    void allMissingAtOnce() {
        String user = trader("free");

        JsonNode problem = problem(routes.setMode(user, live(Venue.KRAKEN)), 409, "live-trading-refused");

        assertThat(missing(problem)).hasSize(2);
        assertThat(missing(problem).get(0)).contains("plan");
        assertThat(missing(problem).get(1)).contains("connected kraken key").contains("PUT /api/v1/brokers/kraken");
        assertThat(problem.path("detail").asText()).contains("live trading on kraken needs");
    }

    @Test
    @DisplayName("an untested key, and a key whose last test failed, are refused naming the test (and why it failed)")
    void testMustPass() {
        String user = trader("basic");
        BrokerKeys.Key key = BrokerKeys.fresh(Venue.BINANCE);
        require(routes.connect(user, key), 200);

        JsonNode untested = problem(routes.setMode(user, live(Venue.BINANCE)), 409, "live-trading-refused");
        assertThat(missing(untested)).singleElement().asString().contains("never tested")
                .contains("POST /api/v1/brokers/binance/test");

        routes.exchange.keyCheck(key.keyId(), KeyCheck.of(List.of("view"), List.of("the key cannot trade"), List.of()));
        require(routes.test(user, "binance"), 200);
        JsonNode failed = problem(routes.setMode(user, live(Venue.BINANCE)), 409, "live-trading-refused");
        assertThat(missing(failed)).singleElement().asString().contains("last test failed")
                .contains("the key cannot trade");

        routes.exchange.keyCheck(key.keyId(), KeyCheck.of(List.of("view", "trade"), List.of(), List.of()));
        require(routes.test(user, "binance"), 200);
        assertThat(ok(routes.setMode(user, live(Venue.BINANCE))).path("mode").asText()).isEqualTo("live");
    }

    @Test
    @DisplayName("a reconnected key starts untested: while on paper it must pass a test again before going live")
    void reconnectNeedsNewTest() {
        String user = trader("pro");
        routes.connectedAndTested(user, Venue.ALPACA);
        require(routes.connect(user, BrokerKeys.fresh(Venue.ALPACA)), 200);

        JsonNode problem = problem(routes.setMode(user, live(Venue.ALPACA)), 409, "live-trading-refused");

        assertThat(missing(problem)).singleElement().asString().contains("never tested");
    }

    static Stream<Arguments> brokenRequests() {
        return Stream.of(
                Arguments.of("{}", List.of("mode")),
                Arguments.of("{\"mode\":\"sideways\"}", List.of("mode")),
                Arguments.of("{\"mode\":\"live\"}", List.of("venue", "acknowledgeRisk")),
                Arguments.of("{\"mode\":\"live\",\"venue\":\"ftx\",\"acknowledgeRisk\":true}", List.of("venue")),
                Arguments.of("{\"mode\":\"live\",\"venue\":\"okx\",\"acknowledgeRisk\":false}", List.of("acknowledgeRisk")),
                Arguments.of("{\"mode\":\"live\",\"venue\":\"" + "k".repeat(3000) + "\"}", List.of("venue", "acknowledgeRisk")));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("brokenRequests")
    @DisplayName("a mode other than live or paper, or live without a known venue or the risk acknowledged, is 422 naming each")
    void brokenRequest(String body, List<String> fields) {
        String user = trader("pro");

        JsonNode problem = problem(routes.setMode(user, body), 422, "rule-violation");

        assertThat(texts(problem.path("errors"), "field")).containsExactlyElementsOf(fields);
        assertThat(problem.toString()).doesNotContain("k".repeat(100));
        assertThat(mode(user)).isEqualTo("paper");
    }

    @Test
    @DisplayName("malformed mode bodies are 400 problems, never 5xx: not JSON, a list, acknowledgeRisk as text")
    void malformedModeBody() {
        String user = trader("pro");

        for (String body : List.of("", "live", "[\"live\"]", "{\"mode\":\"live\",\"acknowledgeRisk\":\"yes\"}",
                "{\"mode\": {\"$gt\": \"\"}}")) {
            problem(routes.setMode(user, body), 400, "invalid-input");
        }
        assertThat(mode(user)).isEqualTo("paper");
    }

    @Test
    @DisplayName("live on a venue blocks removing or replacing its key (409 broker-in-use: switch to paper first); paper frees it")
    void liveKeyIsHeld() {
        String user = trader("pro");
        routes.connectedAndTested(user, Venue.COINBASE);
        require(routes.setMode(user, LIVE_COINBASE), 200);

        JsonNode removal = problem(routes.delete(user, "coinbase"), 409, "broker-in-use");
        JsonNode replacement = problem(routes.connect(user, BrokerKeys.fresh(Venue.COINBASE)), 409, "broker-in-use");

        assertThat(removal.path("detail").asText()).contains("switch to paper first");
        assertThat(replacement.path("detail").asText()).contains("switch to paper first");
        assertThat(links.find(user, Venue.COINBASE)).isPresent();
        JsonNode paper = ok(routes.setMode(user, PAPER));
        assertThat(paper.path("mode").asText()).isEqualTo("paper");
        assertThat(paper.has("venue")).isFalse();
        assertThat(routes.delete(user, "coinbase").getStatusCode()).isEqualTo(204);
    }

    @Test
    @DisplayName("paper is allowed any time, even with no key at all; switching to paper twice changes nothing")
    void paperAnyTime() {
        String user = trader("free");

        assertThat(ok(routes.setMode(user, PAPER)).path("mode").asText()).isEqualTo("paper");
        assertThat(ok(routes.setMode(user, "{\"mode\":\"PAPER\",\"venue\":\"nowhere\"}")).path("mode").asText())
                .isEqualTo("paper");
        assertThat(ok(routes.account(user)).path("tradingMode").path("mode").asText()).isEqualTo("paper");
    }

    @Test
    @DisplayName("moving live from one venue to another frees the first key and holds the second")
    void switchVenues() {
        String user = trader("pro");
        routes.connectedAndTested(user, Venue.COINBASE);
        routes.connectedAndTested(user, Venue.KRAKEN);
        require(routes.setMode(user, LIVE_COINBASE), 200);

        assertThat(ok(routes.setMode(user, live(Venue.KRAKEN))).path("venue").asText()).isEqualTo("kraken");

        assertThat(routes.delete(user, "coinbase").getStatusCode()).isEqualTo(204);
        problem(routes.delete(user, "kraken"), 409, "broker-in-use");
    }

    @Test
    @DisplayName("live traders are listed for reconciliation from the index, and leave the listing when back on paper")
    void liveListing() {
        String user = trader("pro");
        routes.connectedAndTested(user, Venue.OKX);

        require(routes.setMode(user, live(Venue.OKX)), 200);

        assertThat(liveTraders()).contains(user);
        require(routes.setMode(user, PAPER), 200);
        assertThat(liveTraders()).doesNotContain(user);
    }

    private List<String> liveTraders() {
        return links.livePages(50).flatMap(List::stream).map(TradingModeItem::userId).toList();
    }

    @Test
    @DisplayName("a switch that died after holding the key blocks its removal for a minute, then no longer")
    void abandonedSwitch() {
        String user = trader("pro");
        routes.connectedAndTested(user, Venue.BINANCE);
        assertThat(links.markLive(links.find(user, Venue.BINANCE).orElseThrow(), routes.clock.instant())).isTrue();

        problem(routes.delete(user, "binance"), 409, "broker-in-use");
        routes.clock.advance(Duration.ofSeconds(61));

        assertThat(routes.delete(user, "binance").getStatusCode()).isEqualTo(204);
        assertThat(mode(user)).isEqualTo("paper");
    }

    @Test
    @DisplayName("the sample events switch live and back to paper")
    void sampleEvents() {
        String user = trader("enterprise");
        routes.connectedAndTested(user, Venue.COINBASE);

        assertThat(ok(routes.setMode.handleRequest(Events.http("api/set-trading-mode.json", user), null))
                .path("mode").asText()).isEqualTo("live");
        assertThat(ok(routes.setMode.handleRequest(Events.http("api/set-trading-mode-paper.json", user), null))
                .path("mode").asText()).isEqualTo("paper");
    }
}
