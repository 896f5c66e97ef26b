package com.nija.shared.venues.okx;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.BrokerException.Kind;
import com.nija.shared.broker.Fill;
import com.nija.shared.json.Json;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import com.nija.shared.venues.ClientOrderIds;
import com.nija.shared.venues.KeyCheck;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueAccount;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueOrder;
import com.nija.shared.venues.VenueRateLimitedException;
import com.nija.shared.venues.VenueRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link OkxClient} against a stub of OKX built from the requests and answers of OKX's API v5 documentation (the
 * answers are in {@code venues/okx/}, each file's doc section in its README). Every private stub answers only a
 * request whose signature the stub recomputes itself ({@link OkxSignatureCheck}); a wrongly signed request gets OKX's
 * 50113, a key in the wrong environment OKX's 50101.
 */
class OkxClientContractTest {
    private static final String ORDER_ID = "o-6a1f0c3e9b2d4a5f8e7c1b30";
    private static final String CL_ORD_ID = ClientOrderIds.forVenue(Venue.OKX, ORDER_ID);
    private static final String ORDER = "/api/v5/trade/order";
    /** The {@code ordId} of the order fixtures ({@code order-*.json}), and the one "Place order" answers. */
    private static final String OKX_ORDER_ID = "680800019749904384";
    private static final String PLACED_ORDER_ID = "312269865356374016";
    private static final Instant NOW = Instant.parse("2031-06-16T12:00:00.123Z");
    private static final VenueCredentials LIVE = key("5c1d9e2a-1f0b-4c3d-8e7f-6a5b4c3d2e1f",
            "A1B2C3D4E5F60718293A4B5C6D7E8F90", "Nija-live-1", false);
    private static final VenueCredentials DEMO = key("7f3e0b44-2a9c-4d1e-b5f6-0c9d8e7f6a5b",
            "0F1E2D3C4B5A69788796A5B4C3D2E1F0", "Nija-demo-1", true);
    private static final OkxSignatureCheck CHECK = new OkxSignatureCheck(Map.of(
            LIVE.keyId(), new OkxSignatureCheck.Key(LIVE.field("apiSecret"), LIVE.field("passphrase"), false),
            DEMO.keyId(), new OkxSignatureCheck.Key(DEMO.field("apiSecret"), DEMO.field("passphrase"), true)));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

    private static WireMockServer okx;

    @BeforeAll
    static void start() throws Exception {
        okx = new WireMockServer(options().dynamicPort());
        okx.start();
        // The first request to a fresh server is slow; the timeout tests' short budget is for the venue, not Jetty.
        HTTP.send(HttpRequest.newBuilder(URI.create(okx.baseUrl() + "/__admin/mappings")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @AfterAll
    static void stop() {
        okx.stop();
    }

    @BeforeEach
    void documentedRefusals() {
        okx.resetAll();
        okx.stubFor(any(urlPathMatching("/api/v5/.*")).atPriority(10).willReturn(answer(401, "invalid-signature.json")));
        okx.stubFor(any(urlPathMatching("/api/v5/.*")).andMatching(CHECK.signed()).atPriority(5)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"msg\":\"APIKey does not match current environment.\",\"code\":\"50101\"}")));
    }

    @Test
    @DisplayName("a market buy fills: the body is OKX's spot market order in base units, the fill has OKX's average "
            + "price and its BTC fee in USDT")
    void marketBuyFills() {
        orderAppearsOnPlacing("place-accepted.json", "order-filled-market-buy.json");

        Fill fill = client().place(LIVE, order(OrderSide.BUY, OrderType.MARKET, "0.00192834", null));

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.clientOrderId()).isEqualTo(CL_ORD_ID);
        assertThat(fill.quantity()).isEqualByComparingTo("0.00192834");
        assertThat(fill.price()).isEqualByComparingTo("51858");
        assertThat(fill.fee()).isEqualByComparingTo("0.09999985572"); // 0.00000192834 BTC × 51858
        assertThat(fill.at()).isEqualTo(Instant.ofEpochMilli(1708587373361L));
        assertThat(fill.venueOrderId()).isEqualTo(OKX_ORDER_ID);
        okx.verify(exactly(1), postRequestedFor(urlEqualTo(ORDER)).withRequestBody(equalToJson("""
                {"instId":"BTC-USDT","tdMode":"cash","clOrdId":"%s","side":"buy","ordType":"market",
                 "sz":"0.00192834","tgtCcy":"base_ccy","banAmend":true}""".formatted(CL_ORD_ID))));
    }

    @Test
    @DisplayName("a limit sell not reached rests, at its price and size, good till cancelled")
    void limitRests() {
        orderAppearsOnPlacing("place-accepted.json", "order-live-limit-sell.json");

        Fill fill = client().place(LIVE, order(OrderSide.SELL, OrderType.LIMIT, "0.01", "70000.5"));

        assertThat(fill.status()).isEqualTo(Fill.Status.RESTING);
        assertThat(fill.quantity()).isEqualByComparingTo("0.01");
        assertThat(fill.price()).isEqualByComparingTo("70000.5");
        assertThat(fill.venueOrderId()).isEqualTo(OKX_ORDER_ID);
        okx.verify(postRequestedFor(urlEqualTo(ORDER)).withRequestBody(equalToJson("""
                {"instId":"BTC-USDT","tdMode":"cash","clOrdId":"%s","side":"sell","ordType":"limit",
                 "sz":"0.01","px":"70000.5"}""".formatted(CL_ORD_ID))));
    }

    @Test
    @DisplayName("an order cancelled after a partial fill is partially filled with what filled, its USDT fee as is")
    void partialFill() {
        orderAppearsOnPlacing("place-accepted.json", "order-partially-filled-cancelled.json");

        Fill fill = client().place(LIVE, order(OrderSide.SELL, OrderType.LIMIT, "0.01", "70000.5"));

        assertThat(fill.status()).isEqualTo(Fill.Status.PARTIALLY_FILLED);
        assertThat(fill.quantity()).isEqualByComparingTo("0.004");
        assertThat(fill.price()).isEqualByComparingTo("70000.5");
        assertThat(fill.fee()).isEqualByComparingTo("0.280002");
        assertThat(fill.venueOrderId()).isEqualTo(OKX_ORDER_ID);
    }

    @Test
    @DisplayName("insufficient balance (51008) is a rejection that says so")
    void insufficientBalance() {
        orderAppearsOnPlacing("place-insufficient-balance.json", "order-not-found.json");

        assertThatThrownBy(() -> client().place(LIVE, order(OrderSide.BUY, OrderType.MARKET, "5", null)))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("insufficient balance").hasMessageContaining("51008");
    }

    @Test
    @DisplayName("a size off the lot size (51121) is a rejection for an invalid size")
    void invalidSize() {
        orderAppearsOnPlacing("place-invalid-size.json", "order-not-found.json");

        assertThatThrownBy(() -> client().place(LIVE, order(OrderSide.BUY, OrderType.LIMIT, "0.000012345", "60000")))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("invalid size").hasMessageContaining("51121");
    }

    @Test
    @DisplayName("an accepted order OKX does not show yet is resting, as it was sent")
    void acceptedNotYetShown() {
        orderAppearsOnPlacing("place-accepted.json", "order-not-found.json");

        Fill fill = client().place(LIVE, order(OrderSide.BUY, OrderType.LIMIT, "0.01", "60000.1"));

        assertThat(fill.status()).isEqualTo(Fill.Status.RESTING);
        assertThat(fill.quantity()).isEqualByComparingTo("0.01");
        assertThat(fill.price()).isEqualByComparingTo("60000.1");
        assertThat(fill.at()).isEqualTo(NOW);
        assertThat(fill.venueOrderId()).as("the ordId of OKX's answer to the placing").isEqualTo(PLACED_ORDER_ID);
    }

    @Test
    @DisplayName("a rate limit on reading an accepted order leaves it unknown, never 'not placed'")
    void rateLimitAfterAcceptance() {
        orderAppearsOnPlacing("place-accepted.json", "order-not-found.json");
        okx.stubFor(signed(orderLookup()).inScenario("order").whenScenarioStateIs("placed")
                .willReturn(answer(429, "rate-limited.json")));

        assertThatThrownBy(() -> client().place(LIVE, order(OrderSide.BUY, OrderType.MARKET, "0.00192834", null)))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e).isNotInstanceOf(VenueRateLimitedException.class);
                    assertThat(e.kind()).isEqualTo(Kind.UNKNOWN);
                }).hasMessageContaining("accepted");
    }

    @Test
    @DisplayName("a duplicate client order id (51016) answers the existing order's state, with one placement only")
    void duplicateClientOrderId() {
        orderAppearsOnPlacing("place-duplicate.json", "order-filled-market-buy.json");

        Fill fill = client().place(LIVE, order(OrderSide.BUY, OrderType.MARKET, "0.00192834", null));

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.quantity()).isEqualByComparingTo("0.00192834");
        okx.verify(exactly(1), postRequestedFor(urlEqualTo(ORDER)));
    }

    @Test
    @DisplayName("an order OKX already has under the id is answered, not placed again (OKX frees a clOrdId once an "
            + "order is done)")
    void existingOrderNotPlacedAgain() {
        okx.stubFor(signed(orderLookup()).willReturn(answer(200, "order-filled-market-buy.json")));

        Fill fill = client().place(LIVE, order(OrderSide.BUY, OrderType.MARKET, "0.00192834", null));

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        okx.verify(exactly(0), postRequestedFor(urlEqualTo(ORDER)));
    }

    @Test
    @DisplayName("no answer within the timeout is unknown; the lookup then finds the order OKX placed")
    void timeoutThenLookupFinds() {
        OkxClient client = clientWhosePlacingTimesOut();

        assertThatThrownBy(() -> client.place(LIVE, order(OrderSide.BUY, OrderType.MARKET, "0.00192834", null)))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));
        okx.stubFor(signed(orderLookup()).willReturn(answer(200, "order-filled-market-buy.json")));

        Optional<Fill> found = client.lookup(LIVE, "BTC-USDT", CL_ORD_ID);

        assertThat(found).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(Fill.Status.FILLED);
            assertThat(f.venueOrderId()).isEqualTo(OKX_ORDER_ID);
        });
    }

    @Test
    @DisplayName("no answer within the timeout is unknown; a lookup that finds nothing (51603) is empty")
    void timeoutThenLookupFindsNothing() {
        OkxClient client = clientWhosePlacingTimesOut();

        assertThatThrownBy(() -> client.place(LIVE, order(OrderSide.BUY, OrderType.MARKET, "0.00192834", null)))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));

        assertThat(client.lookup(LIVE, "BTC-USDT", CL_ORD_ID)).isEmpty();
    }

    @Test
    @DisplayName("429 (50011) is not placed with OKX's Retry-After; the next call succeeds")
    void rateLimitThenSuccess() {
        okx.stubFor(signed(orderLookup()).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(answer(200, "order-not-found.json")));
        okx.stubFor(signed(post(urlEqualTo(ORDER))).inScenario("limit").whenScenarioStateIs(STARTED)
                .willSetStateTo("limited").willReturn(answer(429, "rate-limited.json").withHeader("Retry-After", "3")));
        okx.stubFor(signed(orderLookup()).inScenario("limit").whenScenarioStateIs("limited")
                .willReturn(answer(200, "order-not-found.json")));
        okx.stubFor(signed(post(urlEqualTo(ORDER))).inScenario("limit").whenScenarioStateIs("limited")
                .willSetStateTo("placed").willReturn(answer(200, "place-accepted.json")));
        okx.stubFor(signed(orderLookup()).inScenario("limit").whenScenarioStateIs("placed")
                .willReturn(answer(200, "order-filled-market-buy.json")));
        OkxClient client = client();
        VenueOrder buy = order(OrderSide.BUY, OrderType.MARKET, "0.00192834", null);

        assertThatThrownBy(() -> client.place(LIVE, buy)).isInstanceOfSatisfying(VenueRateLimitedException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.NOT_PLACED);
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        });

        assertThat(client.place(LIVE, buy).status()).isEqualTo(Fill.Status.FILLED);
        okx.verify(exactly(2), postRequestedFor(urlEqualTo(ORDER)));
    }

    @Test
    @DisplayName("a 5xx on a place (OKX's 50026, or a gateway's page) leaves the order unknown")
    void serverErrorIsUnknown() {
        okx.stubFor(signed(orderLookup()).willReturn(answer(200, "order-not-found.json")));
        okx.stubFor(signed(post(urlEqualTo(ORDER))).inScenario("5xx").whenScenarioStateIs(STARTED)
                .willSetStateTo("gateway").willReturn(answer(500, "system-error.json")));
        okx.stubFor(signed(post(urlEqualTo(ORDER))).inScenario("5xx").whenScenarioStateIs("gateway")
                .willReturn(aResponse().withStatus(503).withBody("<html><body>503 Service Unavailable</body></html>")));
        VenueOrder buy = order(OrderSide.BUY, OrderType.MARKET, "0.00192834", null);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> client().place(LIVE, buy))
                    .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));
        }
        okx.verify(exactly(2), postRequestedFor(urlEqualTo(ORDER)));
    }

    @Test
    @DisplayName("OKX's endpoint timeout (50004, HTTP 400: 'does not mean that the request was successful or failed') "
            + "leaves the order unknown")
    void endpointTimeoutIsUnknown() {
        okx.stubFor(signed(orderLookup()).willReturn(answer(200, "order-not-found.json")));
        okx.stubFor(signed(post(urlEqualTo(ORDER))).willReturn(answer(400, "endpoint-timeout.json")));

        assertThatThrownBy(() -> client().place(LIVE, order(OrderSide.BUY, OrderType.MARKET, "0.00192834", null)))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN))
                .hasMessageContaining("50004");
    }

    @Test
    @DisplayName("a wrongly signed request gets OKX's 'Invalid signature' (50113): rejected, nothing placed")
    void wrongSecretIsRefused() {
        orderAppearsOnPlacing("place-accepted.json", "order-filled-market-buy.json");
        VenueCredentials wrongSecret = key(LIVE.keyId(), "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "Nija-live-1", false);

        assertThatThrownBy(() -> client().place(wrongSecret, order(OrderSide.BUY, OrderType.MARKET, "0.001", null)))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("50113").hasMessageNotContaining("FFFFFFFF");
        okx.verify(exactly(0), postRequestedFor(urlEqualTo(ORDER)));
    }

    @Test
    @DisplayName("a demo trading key's every request carries x-simulated-trading: 1")
    void demoKeyHeader() {
        orderAppearsOnPlacing("place-accepted.json", "order-filled-market-buy.json");

        Fill fill = client().place(DEMO, order(OrderSide.BUY, OrderType.MARKET, "0.00192834", null));

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        okx.verify(exactly(3), anyRequestedFor(urlPathEqualTo(ORDER)));
        okx.verify(exactly(3), anyRequestedFor(urlPathEqualTo(ORDER)).withHeader("x-simulated-trading", equalTo("1")));
    }

    @Test
    @DisplayName("a live key's requests carry no demo header, and the timestamp from the clock with milliseconds")
    void liveKeyHeaders() {
        orderAppearsOnPlacing("place-accepted.json", "order-filled-market-buy.json");

        client().place(LIVE, order(OrderSide.BUY, OrderType.MARKET, "0.00192834", null));

        okx.verify(exactly(0), anyRequestedFor(anyUrl()).withHeader("x-simulated-trading", matching(".*")));
        okx.verify(exactly(3), anyRequestedFor(urlPathEqualTo(ORDER))
                .withHeader("OK-ACCESS-TIMESTAMP", equalTo("2031-06-16T12:00:00.123Z"))
                .withHeader("OK-ACCESS-KEY", equalTo(LIVE.keyId())));
    }

    @Test
    @DisplayName("a demo key used as a live one is told apart by OKX (50101): the key check reports it")
    void demoKeyAsLive() {
        okx.stubFor(signed(get(urlEqualTo("/api/v5/account/config"))).willReturn(answer(200, "config-trade-withdraw.json")));
        VenueCredentials demoAsLive = key(DEMO.keyId(), DEMO.field("apiSecret"), DEMO.field("passphrase"), false);

        KeyCheck check = client().check(demoAsLive);

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).singleElement().asString().startsWith("error:").contains("50101");
    }

    @Test
    @DisplayName("a key that can trade and withdraw passes with a warning about withdrawals")
    void keyCanTradeAndWithdraw() {
        okx.stubFor(signed(get(urlEqualTo("/api/v5/account/config"))).willReturn(answer(200, "config-trade-withdraw.json")));

        KeyCheck check = client().check(LIVE);

        assertThat(check.ok()).isTrue();
        assertThat(check.permissions()).containsExactly("read_only", "withdraw", "trade");
        assertThat(check.problems()).singleElement().asString().startsWith("warning:").contains("withdraw");
    }

    @Test
    @DisplayName("a read-only key fails the check: it cannot trade")
    void readOnlyKey() {
        okx.stubFor(signed(get(urlEqualTo("/api/v5/account/config"))).willReturn(answer(200, "config-read-only.json")));

        KeyCheck check = client().check(DEMO);

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).singleElement().asString().startsWith("error:").contains("cannot trade");
    }

    @Test
    @DisplayName("a key with a wrong secret fails the check with OKX's reason, without an exception")
    void invalidKeyCheck() {
        okx.stubFor(signed(get(urlEqualTo("/api/v5/account/config"))).willReturn(answer(200, "config-trade-withdraw.json")));
        VenueCredentials wrongSecret = key(LIVE.keyId(), "00000000000000000000000000000000", "Nija-live-1", false);

        KeyCheck check = client().check(wrongSecret);

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).singleElement().asString().startsWith("error:").contains("50113");
    }

    @Test
    @DisplayName("the rules come from the public instruments endpoint, unsigned: minSz, lotSz, tickSz, no min notional")
    void rules() {
        okx.stubFor(get(urlEqualTo("/api/v5/public/instruments?instType=SPOT&instId=BTC-USDT")).atPriority(1)
                .withHeader("OK-ACCESS-KEY", absent()).withHeader("OK-ACCESS-SIGN", absent())
                .willReturn(answer(200, "instruments-btc-usdt.json")));

        VenueRules rules = client().rules("BTC-USDT");

        assertThat(rules.venueSymbol()).isEqualTo("BTC-USDT");
        assertThat(rules.minSize()).isEqualByComparingTo("0.00001");
        assertThat(rules.sizeStep()).isEqualByComparingTo("0.00000001");
        assertThat(rules.tick()).isEqualByComparingTo("0.1");
        assertThat(rules.minNotional()).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("the account holds each currency's cash balance and the open spot orders, NIJA's by client order id")
    void account() {
        okx.stubFor(signed(get(urlEqualTo("/api/v5/account/balance"))).willReturn(answer(200, "balance.json")));
        okx.stubFor(signed(get(urlEqualTo("/api/v5/trade/orders-pending?instType=SPOT")))
                .willReturn(answer(200, "orders-pending.json")));

        VenueAccount account = client().account(LIVE);

        assertThat(account.balances()).containsOnlyKeys("USDT", "BTC");
        assertThat(account.balances().get("USDT")).isEqualByComparingTo("4850.435693622894");
        assertThat(account.balances().get("BTC")).isEqualByComparingTo("0.5");
        assertThat(account.openOrders()).hasSize(2);
        assertThat(account.openOrders()).filteredOn(o -> o.clientOrderId().equals(CL_ORD_ID)).singleElement()
                .satisfies(o -> {
                    assertThat(o.venueOrderId()).isEqualTo("1752588852617379841");
                    assertThat(o.venueSymbol()).isEqualTo("BTC-USDT");
                    assertThat(o.side()).isEqualTo(OrderSide.SELL);
                    assertThat(o.quantity()).isEqualByComparingTo("0.01");
                    assertThat(o.filledQuantity()).isEqualByComparingTo("0.004");
                    assertThat(o.limitPrice()).isEqualByComparingTo("70000.5");
                });
        assertThat(account.openOrders()).filteredOn(o -> o.clientOrderId().isEmpty()).hasSize(1);
    }

    @Test
    @DisplayName("open orders are read a page of 100 at a time, each page after the last order of the one before")
    void openOrdersPaged() throws Exception {
        ObjectNode template = (ObjectNode) Json.MAPPER.readTree(resource("orders-pending.json")).path("data").get(1);
        ArrayNode fullPage = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 100; i++) fullPage.add(template.deepCopy().put("ordId", String.valueOf(5000 - i)));
        ArrayNode lastPage = Json.MAPPER.createArrayNode().add(template.deepCopy().put("ordId", "4900"));
        okx.stubFor(signed(get(urlEqualTo("/api/v5/account/balance"))).willReturn(answer(200, "balance.json")));
        okx.stubFor(signed(get(urlEqualTo("/api/v5/trade/orders-pending?instType=SPOT"))).willReturn(aResponse()
                .withBody(Json.MAPPER.createObjectNode().put("code", "0").put("msg", "").set("data", fullPage).toString())));
        okx.stubFor(signed(get(urlEqualTo("/api/v5/trade/orders-pending?instType=SPOT&after=4901"))).willReturn(aResponse()
                .withBody(Json.MAPPER.createObjectNode().put("code", "0").put("msg", "").set("data", lastPage).toString())));

        VenueAccount account = client().account(LIVE);

        assertThat(account.openOrders()).hasSize(101);
        assertThat(account.openOrders().get(100).venueOrderId()).isEqualTo("4900");
    }

    @Test
    @DisplayName("cancelling an open order is true; one OKX no longer has open (51400) is false")
    void cancel() {
        okx.stubFor(signed(post(urlEqualTo("/api/v5/trade/cancel-order"))).inScenario("cancel")
                .whenScenarioStateIs(STARTED).willSetStateTo("cancelled").willReturn(answer(200, "cancel-accepted.json")));
        okx.stubFor(signed(post(urlEqualTo("/api/v5/trade/cancel-order"))).inScenario("cancel")
                .whenScenarioStateIs("cancelled").willReturn(answer(200, "cancel-not-open.json")));
        OkxClient client = client();

        assertThat(client.cancel(LIVE, "BTC-USDT", CL_ORD_ID)).isTrue();
        assertThat(client.cancel(LIVE, "BTC-USDT", CL_ORD_ID)).isFalse();
        okx.verify(exactly(2), postRequestedFor(urlEqualTo("/api/v5/trade/cancel-order")).withRequestBody(
                equalToJson("{\"instId\":\"BTC-USDT\",\"clOrdId\":\"%s\"}".formatted(CL_ORD_ID))));
    }

    @Test
    @DisplayName("a lookup of an order OKX cancelled with nothing filled is a rejection, not an empty answer")
    void cancelledUnfilledLookup() {
        okx.stubFor(signed(orderLookup()).willReturn(answer(200, "order-cancelled-unfilled.json")));

        assertThatThrownBy(() -> client().lookup(LIVE, "BTC-USDT", CL_ORD_ID))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("nothing filled");
    }

    /** The order is not found until it is placed (answered with {@code placing}), then found as {@code order}. */
    private static void orderAppearsOnPlacing(String placing, String order) {
        okx.stubFor(signed(orderLookup()).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(answer(200, "order-not-found.json")));
        okx.stubFor(signed(post(urlEqualTo(ORDER))).inScenario("order").whenScenarioStateIs(STARTED)
                .willSetStateTo("placed").willReturn(answer(200, placing)));
        okx.stubFor(signed(orderLookup()).inScenario("order").whenScenarioStateIs("placed")
                .willReturn(answer(200, order)));
    }

    /** A client with a short timeout, and an OKX that finds no order and answers a placement only after it. */
    private static OkxClient clientWhosePlacingTimesOut() {
        okx.stubFor(signed(orderLookup()).willReturn(answer(200, "order-not-found.json")));
        okx.stubFor(signed(post(urlEqualTo(ORDER))).willReturn(answer(200, "place-accepted.json").withFixedDelay(2500)));
        return client(SHORT_TIMEOUT);
    }

    private static MappingBuilder orderLookup() {
        return get(urlEqualTo(ORDER + "?instId=BTC-USDT&clOrdId=" + CL_ORD_ID));
    }

    private static MappingBuilder signed(MappingBuilder request) {
        return request.andMatching(CHECK.signedInItsEnvironment()).atPriority(1);
    }

    private static ResponseDefinitionBuilder answer(int status, String resource) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(resource(resource));
    }

    private static String resource(String name) {
        try (InputStream in = OkxClientContractTest.class.getResourceAsStream("/venues/okx/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource venues/okx/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OkxClient client() {
        return client(Duration.ofSeconds(5));
    }

    private static OkxClient client(Duration timeout) {
        Map<String, String> env = Map.of("NIJA_BROKER_OKX_BASE_URL", okx.baseUrl(),
                "NIJA_BROKER_OKX_SANDBOX_BASE_URL", okx.baseUrl());
        return new OkxClient(new VenueHttp(HTTP, timeout), env, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static VenueOrder order(OrderSide side, OrderType type, String quantity, String limit) {
        return new VenueOrder(ORDER_ID, CL_ORD_ID, "BTC-USDT", side, type, new BigDecimal(quantity),
                limit == null ? null : new BigDecimal(limit));
    }

    private static VenueCredentials key(String apiKey, String secret, String passphrase, boolean demo) {
        return new VenueCredentials(Venue.OKX, Map.of("apiKey", apiKey, "apiSecret", secret, "passphrase", passphrase),
                demo);
    }
}
