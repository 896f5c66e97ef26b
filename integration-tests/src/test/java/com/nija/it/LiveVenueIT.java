package com.nija.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A trader trades real money end to end on the local platform: connects an Alpaca paper key, tests it, goes live, and
 * a signal's order reaches the venue — a WireMock stand-in for Alpaca's paper API built from its documented requests
 * and answers, accepting only that trader's key — and its fill is recorded; the exit sells at the venue what the
 * venue holds. A platform of its own, because the venue's base URL is configuration.
 */
@PlatformTest
class LiveVenueIT {
    private static final String KEY_ID = "PKTESTLIVEIT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static final String SECRET = (UUID.randomUUID() + "" + UUID.randomUUID()).replace("-", "").substring(0, 40);
    private static final WireMockServer ALPACA = new WireMockServer(wireMockConfig().dynamicPort());

    private static DedicatedPlatform platform;
    private static SignalSource source;

    @BeforeAll
    static void start(ApiTarget shared) {
        ALPACA.start();
        stubAlpaca();
        platform = DedicatedPlatform.start(shared, "a live venue at a WireMock Alpaca", Map.of(
                "nija.broker.alpaca.sandbox.base-url", ALPACA.baseUrl(),
                "nija.throttle.enabled", false));
        source = SignalSource.register(platform.platform(), platform.api());
    }

    @AfterAll
    static void stop() {
        if (platform != null) platform.close();
        ALPACA.stop();
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
        List<LoggedRequest> placed = ALPACA.findAll(postRequestedFor(urlPathEqualTo("/v2/orders")));
        assertThat(placed).hasSize(1);
        JsonNode sent = com.nija.it.support.Api.parse(placed.get(0).getBodyAsString());
        assertThat(sent.path("client_order_id").asText())
                .isEqualTo(ClientOrderIds.forVenue(Venue.ALPACA, order.path("orderId").asText()));
        assertThat(sent.path("symbol").asText()).isEqualTo("BTC/USD");
        assertThat(sent.path("side").asText()).isEqualTo("buy");
        JsonNode position = trader.awaitPositions("the live position", "open", p -> !p.isEmpty()).get(0);
        assertThat(position.path("venue").asText()).isEqualTo("alpaca");

        String held = held(sent.path("qty").asText());
        ALPACA.stubFor(keyed(get(urlPathEqualTo("/v2/positions"))).willReturn(json("""
                [{"asset_id":"276e2673-764b-4ab6-a611-caf665ca6340","symbol":"BTCUSD","exchange":"CRYPTO",
                  "asset_class":"crypto","qty":"%s","side":"long"}]""".formatted(held))));
        source.send(SignalSource.signal("exit", "BTC-USD")).expect(202);
        trader.awaitPositions("the live position closed", "open", List::isEmpty);

        List<LoggedRequest> orders = ALPACA.findAll(postRequestedFor(urlPathEqualTo("/v2/orders")));
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

    /** Alpaca's paper API as documented (https://docs.alpaca.markets/reference), for this test's key only. */
    private static void stubAlpaca() {
        ALPACA.stubFor(keyed(get(urlPathEqualTo("/v2/account"))).willReturn(json("""
                {"id":"904837e3-3b76-47ec-b432-046db621571b","account_number":"PA3ZLIVEIT","status":"ACTIVE",
                 "crypto_status":"ACTIVE","currency":"USD","cash":"10000","buying_power":"10000",
                 "trading_blocked":false,"transfers_blocked":false,"account_blocked":false,
                 "trade_suspended_by_user":false,"pattern_day_trader":false}""")));
        // A market order fills at once; the answer echoes the order sent.
        ALPACA.stubFor(keyed(post(urlPathEqualTo("/v2/orders"))).willReturn(json("""
                {"id":"{{randomValue type='UUID'}}","client_order_id":"{{jsonPath request.body '$.client_order_id'}}",
                 "created_at":"2031-06-16T11:59:58.201337Z","updated_at":"2031-06-16T11:59:58.412345Z",
                 "submitted_at":"2031-06-16T11:59:58.198712Z","filled_at":"2031-06-16T11:59:58.401122Z",
                 "symbol":"BTC/USD","asset_class":"crypto","qty":"{{jsonPath request.body '$.qty'}}",
                 "filled_qty":"{{jsonPath request.body '$.qty'}}","filled_avg_price":"65012.5","order_type":"market",
                 "type":"market","side":"{{jsonPath request.body '$.side'}}","time_in_force":"gtc","limit_price":null,
                 "status":"filled"}""").withTransformers("response-template")));
        ALPACA.stubFor(keyed(get(urlPathEqualTo("/v2/positions"))).willReturn(json("[]")));
        ALPACA.stubFor(keyed(get(urlPathEqualTo("/v2/orders"))).willReturn(json("[]")));
    }

    private static MappingBuilder keyed(MappingBuilder request) {
        return request.withHeader("APCA-API-KEY-ID", equalTo(KEY_ID)).withHeader("APCA-API-SECRET-KEY", equalTo(SECRET));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
