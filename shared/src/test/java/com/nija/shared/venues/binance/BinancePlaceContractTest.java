package com.nija.shared.venues.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.nija.shared.venues.binance.BinanceStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueOrder;
import com.nija.shared.venues.VenueRateLimitedException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Placing orders against a stub of Binance's documented new order endpoint (rest-api.md "New order (TRADE)"; bodies
 * in {@code venues/binance/}, see its README): what the engine sees for each documented answer.
 */
class BinancePlaceContractTest {
    private static final BinanceStub BINANCE = new BinanceStub();
    private static final HttpClient JDK = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private BinanceClient client;

    @BeforeEach
    void setUp() {
        BINANCE.reset();
        client = new BinanceClient(new VenueHttp(JDK, Duration.ofSeconds(5)), BINANCE.env(), BINANCE.clock);
    }

    @AfterAll
    static void stop() {
        BINANCE.close();
    }

    @Test
    @DisplayName("a filled market buy answers FILLED with the average price and the BTC commission in USDT")
    void marketBuyFills() {
        StubMapping placed = BINANCE.signed(placing("o-0000000000000000000b0001")
                .withFormParam("symbol", equalTo("BTCUSDT")).withFormParam("side", equalTo("BUY"))
                .withFormParam("type", equalTo("MARKET")).withFormParam("quantity", equalTo("0.0015"))
                .withFormParam("newOrderRespType", equalTo("FULL")), json(200, "order-market-buy-filled.json"));

        Fill fill = client.place(BinanceStub.key(), market("o-0000000000000000000b0001", OrderSide.BUY, "0.00150000"));

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.clientOrderId()).isEqualTo("o-0000000000000000000b0001");
        assertThat(fill.quantity()).isEqualByComparingTo("0.0015");
        assertThat(fill.price()).isEqualByComparingTo("67003.33333333"); // 100.505 USDT / 0.0015 BTC
        assertThat(fill.fee()).isEqualByComparingTo("0.100505"); // 0.000001 × 67000 + 0.0000005 × 67010
        assertThat(fill.at()).isEqualTo(Instant.ofEpochMilli(1939377600123L));
        assertThat(fill.venueOrderId()).isEqualTo("28457101");
        assertThat(BINANCE.served(placed)).isEqualTo(1);
    }

    @Test
    @DisplayName("a filled market sell counts its USDT commission as it is")
    void marketSellFeeInQuote() {
        BINANCE.signed(placing("o-0000000000000000000b0002").withFormParam("side", equalTo("SELL")),
                json(200, "order-market-sell-filled.json"));

        Fill fill = client.place(BinanceStub.key(), market("o-0000000000000000000b0002", OrderSide.SELL, "0.002"));

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.price()).isEqualByComparingTo("66990");
        assertThat(fill.fee()).isEqualByComparingTo("0.13398");
    }

    @Test
    @DisplayName("a commission paid in BNB is converted to USDT at Binance's last BNBUSDT price")
    void bnbCommissionConverted() {
        BINANCE.signed(placing("o-0000000000000000000b0003"), json(200, "order-market-buy-filled-bnb.json"));
        BINANCE.open(get(urlPathEqualTo("/api/v3/ticker/price")).withQueryParam("symbol", equalTo("BNBUSDT")),
                json(200, "ticker-price-bnbusdt.json"));

        Fill fill = client.place(BinanceStub.key(), market("o-0000000000000000000b0003", OrderSide.BUY, "0.001"));

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.fee()).isEqualByComparingTo("0.05025"); // 0.00008375 BNB × 600
    }

    @Test
    @DisplayName("a BNB commission without a BNB price leaves the fill FILLED, with that part of the fee left out")
    void bnbCommissionWithoutPrice() {
        BINANCE.signed(placing("o-0000000000000000000b0003"), json(200, "order-market-buy-filled-bnb.json"));
        BINANCE.open(get(urlPathEqualTo("/api/v3/ticker/price")), json(400, "errors/invalid-symbol.json"));

        Fill fill = client.place(BinanceStub.key(), market("o-0000000000000000000b0003", OrderSide.BUY, "0.001"));

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.quantity()).isEqualByComparingTo("0.001");
        assertThat(fill.fee()).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("a limit order below the market is sent GTC with its price and answers RESTING")
    void limitRests() {
        BINANCE.signed(placing("o-0000000000000000000b0005").withFormParam("type", equalTo("LIMIT"))
                .withFormParam("timeInForce", equalTo("GTC")).withFormParam("price", equalTo("60000"))
                .withFormParam("quantity", equalTo("0.001")), json(200, "order-limit-new.json"));

        Fill fill = client.place(BinanceStub.key(), new VenueOrder("o-0000000000000000000b0005",
                "o-0000000000000000000b0005", "BTCUSDT", OrderSide.BUY, OrderType.LIMIT, new BigDecimal("0.001"),
                new BigDecimal("60000.00")));

        assertThat(fill.status()).isEqualTo(Fill.Status.RESTING);
        assertThat(fill.quantity()).isEqualByComparingTo("0.001");
        assertThat(fill.price()).isEqualByComparingTo("60000");
        assertThat(fill.fee()).isEqualByComparingTo("0");
        assertThat(fill.venueOrderId()).isEqualTo("28457105");
    }

    @Test
    @DisplayName("a market order that expired after a partial fill answers PARTIALLY_FILLED with what filled")
    void partialFill() {
        BINANCE.signed(placing("o-0000000000000000000b0006"), json(200, "order-market-buy-expired-partial.json"));

        Fill fill = client.place(BinanceStub.key(), market("o-0000000000000000000b0006", OrderSide.BUY, "0.5"));

        assertThat(fill.status()).isEqualTo(Fill.Status.PARTIALLY_FILLED);
        assertThat(fill.quantity()).isEqualByComparingTo("0.2");
        assertThat(fill.price()).isEqualByComparingTo("67000");
        assertThat(fill.fee()).isEqualByComparingTo("13.4"); // 0.0002 BTC × 67000
        assertThat(fill.venueOrderId()).isEqualTo("28457106");
    }

    @Test
    @DisplayName("a market order that expired with nothing filled is REJECTED: nothing holds at Binance")
    void expiredEmptyIsRejected() {
        BINANCE.signed(placing("o-0000000000000000000b000a"), json(200, "order-market-buy-expired-empty.json"));

        assertThatThrownBy(() -> client.place(BinanceStub.key(),
                market("o-0000000000000000000b000a", OrderSide.BUY, "0.5")))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("EXPIRED").contains("nothing filled");
                });
    }

    @Test
    @DisplayName("an answer without fill details is completed by reading the order and its trades once")
    void answerWithoutFillsIsLookedUp() {
        BINANCE.signed(placing("o-0000000000000000000b0007"), json(200, "order-market-buy-filled-result.json"));
        StubMapping query = BINANCE.signed(get(urlPathEqualTo("/api/v3/order"))
                .withQueryParam("origClientOrderId", equalTo("o-0000000000000000000b0007")),
                json(200, "query-order-filled.json"));
        BINANCE.signed(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("orderId", equalTo("28457107")),
                json(200, "my-trades.json"));

        Fill fill = client.place(BinanceStub.key(), market("o-0000000000000000000b0007", OrderSide.BUY, "0.0015"));

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.fee()).isEqualByComparingTo("0.100505");
        assertThat(BINANCE.served(query)).isEqualTo(1);
    }

    @Test
    @DisplayName("insufficient balance (-2010) is REJECTED as insufficient funds")
    void insufficientFunds() {
        BINANCE.signed(placing("o-0000000000000000000b0001"), json(400, "errors/insufficient-balance.json"));

        assertThatThrownBy(() -> client.place(BinanceStub.key(),
                market("o-0000000000000000000b0001", OrderSide.BUY, "1000")))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("insufficient funds");
                });
    }

    @Test
    @DisplayName("a LOT_SIZE filter failure (-1013) is REJECTED as an invalid size")
    void invalidSize() {
        BINANCE.signed(placing("o-0000000000000000000b0001"), json(400, "errors/lot-size.json"));

        assertThatThrownBy(() -> client.place(BinanceStub.key(),
                market("o-0000000000000000000b0001", OrderSide.BUY, "0.000001")))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("invalid size").contains("LOT_SIZE");
                });
    }

    @Test
    @DisplayName("an unknown symbol (-1121 from exchangeInfo) is REJECTED before any order is sent")
    void invalidSymbol() {
        BINANCE.open(get(urlPathEqualTo("/api/v3/exchangeInfo")).withQueryParam("symbol", equalTo("NOPEUSDT")),
                json(400, "errors/invalid-symbol.json"));

        assertThatThrownBy(() -> client.place(BinanceStub.key(), new VenueOrder("o-0000000000000000000b0001",
                "o-0000000000000000000b0001", "NOPEUSDT", OrderSide.BUY, OrderType.MARKET, BigDecimal.ONE, null)))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("invalid symbol");
                });
        assertThat(BINANCE.received("POST", "/api/v3/order")).isZero();
    }

    @Test
    @DisplayName("a duplicate client order id answers the open order's state, after exactly one placement")
    void duplicateClientOrderId() {
        BINANCE.signed(placing("o-0000000000000000000b0005"), json(400, "errors/duplicate-order.json"));
        BINANCE.signed(get(urlPathEqualTo("/api/v3/order"))
                .withQueryParam("origClientOrderId", equalTo("o-0000000000000000000b0005")),
                json(200, "query-order-new.json"));

        Fill fill = client.place(BinanceStub.key(), new VenueOrder("o-0000000000000000000b0005",
                "o-0000000000000000000b0005", "BTCUSDT", OrderSide.BUY, OrderType.LIMIT, new BigDecimal("0.001"),
                new BigDecimal("60000")));

        assertThat(fill.status()).isEqualTo(Fill.Status.RESTING);
        assertThat(fill.clientOrderId()).isEqualTo("o-0000000000000000000b0005");
        assertThat(fill.venueOrderId()).isEqualTo("28457105");
        BINANCE.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v3/order")));
    }

    @Test
    @DisplayName("no answer within the timeout is UNKNOWN, and the lookup then finds the filled order")
    void timeoutThenLookupFinds() {
        BinanceClient impatient = new BinanceClient(new VenueHttp(JDK, Duration.ofMillis(300)), BINANCE.env(),
                BINANCE.clock);
        client.rules("BTCUSDT"); // warm the stub so only the order is slow
        BINANCE.signed(placing("o-0000000000000000000b0007"),
                json(200, "order-market-buy-filled.json").withFixedDelay(1500));
        BINANCE.signed(get(urlPathEqualTo("/api/v3/order"))
                .withQueryParam("origClientOrderId", equalTo("o-0000000000000000000b0007")),
                json(200, "query-order-filled.json"));
        BINANCE.signed(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .withQueryParam("orderId", equalTo("28457107")), json(200, "my-trades.json"));

        assertThatThrownBy(() -> impatient.place(BinanceStub.key(),
                market("o-0000000000000000000b0007", OrderSide.BUY, "0.0015")))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNKNOWN));
        Optional<Fill> found = impatient.lookup(BinanceStub.key(), "BTCUSDT", "o-0000000000000000000b0007");

        assertThat(found).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(Fill.Status.FILLED);
            assertThat(f.quantity()).isEqualByComparingTo("0.0015");
            assertThat(f.price()).isEqualByComparingTo("67003.33333333");
            assertThat(f.fee()).isEqualByComparingTo("0.100505");
            assertThat(f.at()).isEqualTo(Instant.ofEpochMilli(1939377600123L));
            assertThat(f.venueOrderId()).isEqualTo("28457107");
        });
    }

    @Test
    @DisplayName("no answer within the timeout is UNKNOWN, and a lookup of an order Binance never got is empty")
    void timeoutThenLookupFindsNothing() {
        BinanceClient impatient = new BinanceClient(new VenueHttp(JDK, Duration.ofMillis(300)), BINANCE.env(),
                BINANCE.clock);
        client.rules("BTCUSDT");
        BINANCE.signed(placing("o-0000000000000000000b0001"),
                aResponse().withStatus(504).withFixedDelay(1500));
        BINANCE.signed(get(urlPathEqualTo("/api/v3/order")), json(400, "errors/no-such-order.json"));

        assertThatThrownBy(() -> impatient.place(BinanceStub.key(),
                market("o-0000000000000000000b0001", OrderSide.BUY, "0.001")))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNKNOWN));

        assertThat(impatient.lookup(BinanceStub.key(), "BTCUSDT", "o-0000000000000000000b0001")).isEmpty();
    }

    @Test
    @DisplayName("429 is a rate limit with Binance's Retry-After, nothing placed; the next call places")
    void rateLimitedThenSucceeds() {
        BINANCE.server().stubFor(placing("o-0000000000000000000b0001").atPriority(1)
                .inScenario("weight").whenScenarioStateIs("Started").willSetStateTo("cooled")
                .willReturn(json(429, "errors/too-many-requests.json").withHeader("Retry-After", "7")));
        StubMapping placed = BINANCE.signed(placing("o-0000000000000000000b0001")
                .inScenario("weight").whenScenarioStateIs("cooled"), json(200, "order-market-buy-filled.json"));

        assertThatThrownBy(() -> client.place(BinanceStub.key(),
                market("o-0000000000000000000b0001", OrderSide.BUY, "0.0015")))
                .isInstanceOfSatisfying(VenueRateLimitedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_PLACED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
        Fill fill = client.place(BinanceStub.key(), market("o-0000000000000000000b0001", OrderSide.BUY, "0.0015"));

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(BINANCE.served(placed)).isEqualTo(1);
    }

    @Test
    @DisplayName("418 (IP banned) without Retry-After waits Binance's shortest ban, two minutes")
    void bannedWithoutRetryAfter() {
        BINANCE.server().stubFor(placing("o-0000000000000000000b0001").atPriority(1)
                .willReturn(json(418, "errors/too-many-requests.json")));

        assertThatThrownBy(() -> client.place(BinanceStub.key(),
                market("o-0000000000000000000b0001", OrderSide.BUY, "0.0015")))
                .isInstanceOfSatisfying(VenueRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(2)));
    }

    @Test
    @DisplayName("a 5xx on a place is UNKNOWN: Binance documents its execution status as unknown")
    void serverErrorIsUnknown() {
        BINANCE.signed(placing("o-0000000000000000000b0001"), aResponse().withStatus(503).withBody("<html>busy</html>"));

        assertThatThrownBy(() -> client.place(BinanceStub.key(),
                market("o-0000000000000000000b0001", OrderSide.BUY, "0.001")))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNKNOWN));
    }

    @Test
    @DisplayName("a backend timeout (-1007) is UNKNOWN whatever its status")
    void backendTimeoutIsUnknown() {
        BINANCE.signed(placing("o-0000000000000000000b0001"), json(408, "errors/backend-timeout.json"));

        assertThatThrownBy(() -> client.place(BinanceStub.key(),
                market("o-0000000000000000000b0001", OrderSide.BUY, "0.001")))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNKNOWN));
    }

    @Test
    @DisplayName("signed with the wrong secret: the stub's check refuses it (-1022), REJECTED, no order, no secret shown")
    void wrongSecretIsRefused() {
        String wrongSecret = "wrong" + BinanceStub.SECRET.substring(5);
        StubMapping placed = BINANCE.signed(placing("o-0000000000000000000b0001"),
                json(200, "order-market-buy-filled.json"));

        assertThatThrownBy(() -> client.place(BinanceStub.key(wrongSecret, false),
                market("o-0000000000000000000b0001", OrderSide.BUY, "0.0015")))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("signature").doesNotContain(wrongSecret)
                            .doesNotContain(BinanceStub.SECRET);
                });
        assertThat(BINANCE.served(placed)).isZero();
    }

    @Test
    @DisplayName("a testnet key is sent to the testnet base URL, never to production")
    void testnetUsesSandboxUrl() {
        BINANCE.signed(placing("o-0000000000000000000b0001"), json(200, "order-market-buy-filled.json"));
        // Production points at a closed port: a call there would be refused, not answered.
        BinanceClient testnet = new BinanceClient(new VenueHttp(JDK, Duration.ofSeconds(5)),
                Map.of("NIJA_BROKER_BINANCE_BASE_URL", "http://127.0.0.1:9",
                        "NIJA_BROKER_BINANCE_SANDBOX_BASE_URL", BINANCE.url().toString()), BINANCE.clock);

        Fill fill = testnet.place(BinanceStub.key(BinanceStub.SECRET, true),
                market("o-0000000000000000000b0001", OrderSide.BUY, "0.0015"));

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThatThrownBy(() -> testnet.place(BinanceStub.key(),
                market("o-0000000000000000000b0001", OrderSide.BUY, "0.0015")))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_PLACED));
    }

    private static MappingBuilder placing(String clientOrderId) {
        return post(urlPathEqualTo("/api/v3/order")).withFormParam("newClientOrderId", equalTo(clientOrderId));
    }

    private static VenueOrder market(String clientOrderId, OrderSide side, String quantity) {
        return new VenueOrder(clientOrderId, clientOrderId, "BTCUSDT", side, OrderType.MARKET, new BigDecimal(quantity),
                null);
    }
}
