package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nija.it.support.AlpacaStandIn;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.DedicatedPlatform;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.venues.ClientOrderIds;
import com.nija.shared.venues.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A trader trades real money end to end on the local platform: connects an Alpaca paper key, tests it, goes live, and
 * a signal's order reaches the venue — a WireMock stand-in for Alpaca's paper API built from its documented requests
 * and answers, accepting only that trader's key — and its fill is recorded; the exit sells at the venue what the
 * venue holds. A platform of its own, because the order throttle (5 s between orders) is configuration.
 */
@PlatformTest
class LiveVenueIT {
    private static final AlpacaStandIn ALPACA = AlpacaStandIn.shared();
    private static final AlpacaStandIn.Key KEY = ALPACA.newKey();
    private static final String KEY_ID = KEY.id();
    private static final String SECRET = KEY.secret();

    private static DedicatedPlatform platform;
    private static SignalSource source;

    @BeforeAll
    static void start(ApiTarget shared) {
        platform = DedicatedPlatform.start(shared, "a live venue at a WireMock Alpaca, no order throttle", Map.of(
                "nija.throttle.enabled", false));
        source = SignalSource.register(platform.platform(), platform.api());
    }

    @AfterAll
    static void stop() {
        if (platform != null) platform.close();
    }

    @Test
    @DisplayName("connect, test, go live: the signal's order is placed once at the venue and its fill recorded; the exit sells there")
    void signalToAVenueAndBack() {
        Trader trader = platform.newTrader("live at alpaca");
        onPlan(trader.id(), "pro");
        readyForLive(trader);
        trader.follow(source, Map.of("allowedSymbols", List.of("BTC-USD")));

        JsonNode connected = platform.api().putJson("/api/v1/brokers/alpaca", trader.token(),
                Map.of("keyId", KEY_ID, "secretKey", SECRET, "paper", true), null).ok();
        JsonNode tested = platform.api().send("POST", "/api/v1/brokers/alpaca/test", trader.token(), Map.of(),
                null).ok();
        JsonNode live = platform.api().putJson("/api/v1/trading/mode", trader.token(),
                Map.of("mode", "live", "venue", "alpaca", "acknowledgeRisk", true), null).ok();
        assertThat(connected.path("keyHint").asText()).endsWith(KEY_ID.substring(KEY_ID.length() - 4));
        assertThat(connected.toString()).doesNotContain(SECRET);
        assertThat(tested.path("ok").asBoolean()).as("key test " + tested).isTrue();
        assertThat(live.toString()).containsIgnoringCase("live");

        source.price("BTC-USD", "65000").expect(200);
        Map<String, Object> buy = SignalSource.signal("buy", "BTC-USD");
        source.send(buy).expect(202);
        source.send(buy).expect(200); // the same signal again: a duplicate, never a second order
        JsonNode order = trader.awaitOrders("the live buy filled", "filled", o -> !o.isEmpty()).get(0);

        assertThat(order.path("venue").asText()).isEqualTo("alpaca");
        assertThat(new BigDecimal(order.path("fillPrice").asText())).isEqualByComparingTo("65012.5");
        List<LoggedRequest> placed = ALPACA.orders(KEY);
        assertThat(placed).hasSize(1);
        JsonNode sent = com.nija.it.support.Api.parse(placed.get(0).getBodyAsString());
        assertThat(sent.path("client_order_id").asText())
                .isEqualTo(ClientOrderIds.forVenue(Venue.ALPACA, order.path("orderId").asText()));
        assertThat(sent.path("symbol").asText()).isEqualTo("BTC/USD");
        assertThat(sent.path("side").asText()).isEqualTo("buy");
        JsonNode position = trader.awaitPositions("the live position", "open", p -> !p.isEmpty()).get(0);
        assertThat(position.path("venue").asText()).isEqualTo("alpaca");

        String held = held(sent.path("qty").asText());
        ALPACA.holdsBitcoin(KEY, held);
        source.send(SignalSource.signal("exit", "BTC-USD")).expect(202);
        trader.awaitPositions("the live position closed", "open", List::isEmpty);

        List<LoggedRequest> orders = ALPACA.orders(KEY);
        assertThat(orders).hasSize(2);
        JsonNode sell = com.nija.it.support.Api.parse(orders.get(1).getBodyAsString());
        assertThat(sell.path("side").asText()).isEqualTo("sell");
        // Alpaca took its fee in the coin bought: the exit sells what the venue holds, not more.
        assertThat(new BigDecimal(sell.path("qty").asText())).isEqualByComparingTo(held)
                .isLessThan(new BigDecimal(sent.path("qty").asText()));
    }

    /** What live trading needs besides plan and key: the terms in force accepted, graduation waived by an admin. */
    private static void readyForLive(Trader trader) {
        JsonNode terms = platform.api().get("/api/v1/account", trader.token()).ok().path("terms");
        platform.api().send("POST", "/api/v1/account/terms", trader.token(), Map.of("Content-Type", "application/json"),
                "{\"terms\":\"" + terms.path("currentTerms").asText() + "\",\"riskDisclosure\":\""
                        + terms.path("currentRiskDisclosure").asText() + "\"}").ok();
        String admin = platform.platform().tokens().issue("it-live-admin", List.of("admin"),
                java.time.Duration.ofMinutes(5));
        platform.api().send("POST", "/api/v1/admin/traders/" + trader.id() + "/graduation-waiver", admin,
                Map.of("Content-Type", "application/json"), "{\"reason\":\"a venue test, not a trader\"}").ok();
    }

    /** The trader's plan: a free plan trades paper only. */
    private static void onPlan(String traderId, String tier) {
        Instant now = PlatformClock.system().instant();
        platform.platform().context().getBean(TradingTables.class).profiles().putItem(new ProfileItem(Keys.user(traderId),
                Keys.PROFILE, traderId, "Live Trader", tier, "active", "RUNNING", new BigDecimal("10000.00"), 0L, now,
                now, null));
    }

    /** What Alpaca holds after a buy of {@code bought}: 0.25 % less, its crypto fee taken in the coin. */
    private static String held(String bought) {
        return new BigDecimal(bought).multiply(new BigDecimal("0.9975")).setScale(9, java.math.RoundingMode.DOWN)
                .toPlainString();
    }

}
