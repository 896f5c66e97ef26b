package com.nija.shared.venues.kraken;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.nija.shared.venues.kraken.KrakenStub.fixture;
import static com.nija.shared.venues.kraken.KrakenStub.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.BrokerException.Kind;
import com.nija.shared.broker.Fill;
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
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link KrakenClient} against Kraken's documented requests and answers ({@link KrakenStub}). Answers come from the
 * docs.kraken.com Spot REST reference examples: Add Order ({@code add-order.json}), Query Orders Info
 * ({@code query-orders-*.json}), Get Open Orders ({@code open-orders-*.json}), Get Closed Orders
 * ({@code closed-orders-*.json}), Get Account Balance ({@code balance.json}), Get Tradable Asset Pairs
 * ({@code asset-pairs-xbtusd.json}), Get Withdrawal Methods ({@code withdraw-methods.json}), Cancel Order
 * ({@code cancel-order.json}); each with the {@code cl_ord_id} of this test's order added. Error bodies are Kraken's
 * documented error strings ("Error messages").
 */
class KrakenClientContractTest {
    private static final KrakenStub KRAKEN = new KrakenStub().start();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-06-16T12:00:00Z"), ZoneOffset.UTC);
    private static final String ORDER_ID = "o-0a1b2c3d4e5f60718293a4b5";
    private static final String CL_ORD_ID = "2ce5778d-956c-3343-adfc-12c93f592015";
    private static final String TXID = "OUF4EM-FRGI2-MQMWZD";
    private static final VenueCredentials KEY = key(KrakenStub.SECRET);
    private static final VenueOrder MARKET_BUY = new VenueOrder(ORDER_ID, CL_ORD_ID, "XBTUSD", OrderSide.BUY,
            OrderType.MARKET, new BigDecimal("0.25"), null);
    private static final VenueOrder LIMIT_BUY = new VenueOrder(ORDER_ID, CL_ORD_ID, "XBTUSD", OrderSide.BUY,
            OrderType.LIMIT, new BigDecimal("1.25"), new BigDecimal("30010.0"));

    private final AtomicLong nonces = new AtomicLong(1_970_000_000_000L);
    private final KrakenClient kraken = client(Duration.ofSeconds(5));

    @BeforeEach
    void resetStub() {
        KRAKEN.reset();
    }

    @AfterAll
    static void stopStub() {
        KRAKEN.server.stop();
    }

    @Test
    @DisplayName("the fixtures' cl_ord_id is the one NIJA derives from the order id")
    void clientOrderIdOfTheFixtures() {
        assertThat(ClientOrderIds.forVenue(Venue.KRAKEN, ORDER_ID)).isEqualTo(CL_ORD_ID);
    }

    @Test
    @DisplayName("a market buy that fills answers FILLED with the base quantity, average price, quote fee and fill time")
    void marketBuyFills() {
        nothingUnderTheId();
        answer("AddOrder", "add-order.json");
        answer("QueryOrders", "query-orders-filled.json");

        Fill fill = kraken.place(KEY, MARKET_BUY);

        assertThat(fill.clientOrderId()).isEqualTo(CL_ORD_ID);
        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.quantity()).isEqualByComparingTo("0.25");
        assertThat(fill.price()).isEqualByComparingTo("30000.0");
        assertThat(fill.fee()).isEqualByComparingTo("7.5");
        assertThat(fill.at()).isEqualTo(Instant.parse("2023-07-05T21:20:12.233500Z"));
        assertThat(fill.venueOrderId()).isEqualTo(TXID);
        KRAKEN.server.verify(exactly(1), addOrder().withFormParam("pair", equalTo("XBTUSD"))
                .withFormParam("type", equalTo("buy")).withFormParam("ordertype", equalTo("market"))
                .withFormParam("volume", equalTo("0.25")).withFormParam("cl_ord_id", equalTo(CL_ORD_ID))
                .withFormParam("oflags", equalTo("fciq")).withFormParam("price", absent()));
        KRAKEN.server.verify(exactly(1), postRequestedFor(urlPathEqualTo("/0/private/QueryOrders"))
                .withFormParam("txid", equalTo(TXID)));
    }

    @Test
    @DisplayName("a limit buy not reached answers RESTING with its size and limit, sent good-till-cancelled")
    void limitRests() {
        nothingUnderTheId();
        answer("AddOrder", "add-order.json");
        answer("QueryOrders", "query-orders-resting.json");

        Fill fill = kraken.place(KEY, LIMIT_BUY);

        assertThat(fill.status()).isEqualTo(Fill.Status.RESTING);
        assertThat(fill.quantity()).isEqualByComparingTo("1.25");
        assertThat(fill.price()).isEqualByComparingTo("30010.0");
        assertThat(fill.venueOrderId()).isEqualTo(TXID);
        KRAKEN.server.verify(exactly(1), addOrder().withFormParam("ordertype", equalTo("limit"))
                .withFormParam("price", equalTo("30010")).withFormParam("timeinforce", equalTo("GTC")));
    }

    @Test
    @DisplayName("an order cancelled after a partial fill answers PARTIALLY_FILLED with what filled")
    void partialFill() {
        nothingUnderTheId();
        answer("AddOrder", "add-order.json");
        answer("QueryOrders", "query-orders-partial.json");

        Fill fill = kraken.place(KEY, LIMIT_BUY);

        assertThat(fill.status()).isEqualTo(Fill.Status.PARTIALLY_FILLED);
        assertThat(fill.quantity()).isEqualByComparingTo("0.375");
        assertThat(fill.price()).isEqualByComparingTo("30010.0");
        assertThat(fill.fee()).isEqualByComparingTo("18.00592");
        assertThat(fill.venueOrderId()).isEqualTo(TXID);
    }

    @Test
    @DisplayName("an order Kraken took but whose state cannot be read yet answers RESTING under the txid AddOrder gave")
    void acceptedButUnreadRestsUnderItsTxid() {
        nothingUnderTheId();
        answer("AddOrder", "add-order.json");
        answerError("QueryOrders", "EService:Unavailable");

        Fill fill = kraken.place(KEY, LIMIT_BUY);

        assertThat(fill.status()).isEqualTo(Fill.Status.RESTING);
        assertThat(fill.quantity()).isEqualByComparingTo("1.25");
        assertThat(fill.venueOrderId()).isEqualTo(TXID);
        KRAKEN.server.verify(exactly(1), addOrder());
    }

    @Test
    @DisplayName("insufficient funds is a refusal that says so")
    void insufficientFunds() {
        nothingUnderTheId();
        answerError("AddOrder", "EOrder:Insufficient funds");

        assertThatThrownBy(() -> kraken.place(KEY, MARKET_BUY)).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.getMessage()).contains("insufficient funds");
        });
    }

    @Test
    @DisplayName("an invalid size is a refusal that says so")
    void invalidSize() {
        nothingUnderTheId();
        answerError("AddOrder", "EGeneral:Invalid arguments:volume");

        assertThatThrownBy(() -> kraken.place(KEY, MARKET_BUY)).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.getMessage()).contains("invalid size");
        });
    }

    @Test
    @DisplayName("a duplicate client order id answers the existing order's state, with exactly one placement")
    void duplicateClientOrderId() {
        KRAKEN.server.stubFor(signed("OpenOrders").inScenario("dup").whenScenarioStateIs(STARTED)
                .willReturn(okJson(fixture("open-orders-none.json"))));
        answer("ClosedOrders", "closed-orders-none.json");
        // The first attempt's order became visible between the lookup and AddOrder.
        KRAKEN.server.stubFor(signed("AddOrder").inScenario("dup").whenScenarioStateIs(STARTED)
                .willSetStateTo("open").willReturn(okJson("{\"error\":[\"EOrder:Duplicate order\"]}")));
        KRAKEN.server.stubFor(signed("OpenOrders").inScenario("dup").whenScenarioStateIs("open")
                .willReturn(okJson(fixture("open-orders-resting.json"))));

        Fill fill = kraken.place(KEY, LIMIT_BUY);

        assertThat(fill.status()).isEqualTo(Fill.Status.RESTING);
        assertThat(fill.quantity()).isEqualByComparingTo("1.25");
        KRAKEN.server.verify(exactly(1), addOrder());
    }

    @Test
    @DisplayName("a retry after the order filled answers the fill and does not place again")
    void retryAfterFilledDoesNotPlaceAgain() {
        answer("OpenOrders", "open-orders-none.json");
        answer("ClosedOrders", "closed-orders-filled.json");

        Fill fill = kraken.place(KEY, MARKET_BUY);

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.quantity()).isEqualByComparingTo("0.25");
        assertThat(fill.venueOrderId()).isEqualTo(TXID);
        KRAKEN.server.verify(exactly(0), addOrder());
        assertThat(paths(KRAKEN.server.findAll(anyRequestedFor(anyUrl()))))
                .as("open orders first, so an order closing in between is still seen")
                .containsExactly("/0/private/OpenOrders", "/0/private/ClosedOrders");
        KRAKEN.server.verify(postRequestedFor(urlPathEqualTo("/0/private/ClosedOrders"))
                .withFormParam("cl_ord_id", equalTo(CL_ORD_ID)));
    }

    @Test
    @DisplayName("no answer in time is UNKNOWN; the lookup then finds the order Kraken took")
    void timeoutThenLookupFindsIt() {
        KrakenClient impatient = warmedUp(client(Duration.ofMillis(500)));
        KRAKEN.server.stubFor(signed("OpenOrders").inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(okJson(fixture("open-orders-none.json"))));
        answer("ClosedOrders", "closed-orders-none.json");
        KRAKEN.server.stubFor(signed("AddOrder").inScenario("slow").willSetStateTo("taken")
                .willReturn(okJson(fixture("add-order.json")).withFixedDelay(2_500)));
        KRAKEN.server.stubFor(signed("OpenOrders").inScenario("slow").whenScenarioStateIs("taken")
                .willReturn(okJson(fixture("open-orders-resting.json"))));

        assertThatThrownBy(() -> impatient.place(KEY, LIMIT_BUY)).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));

        assertThat(impatient.lookup(KEY, "XBTUSD", CL_ORD_ID)).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(Fill.Status.RESTING);
            assertThat(f.clientOrderId()).isEqualTo(CL_ORD_ID);
        });
    }

    @Test
    @DisplayName("no answer in time, and Kraken has no such order: the lookup is empty")
    void timeoutThenNothing() {
        KrakenClient impatient = warmedUp(client(Duration.ofMillis(500)));
        nothingUnderTheId();
        KRAKEN.server.stubFor(signed("AddOrder").willReturn(okJson("{\"error\":[\"EGeneral:Internal error\"]}")
                .withFixedDelay(2_500)));

        assertThatThrownBy(() -> impatient.place(KEY, MARKET_BUY)).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));

        assertThat(impatient.lookup(KEY, "XBTUSD", CL_ORD_ID)).isEmpty();
    }

    @Test
    @DisplayName("HTTP 429 says how long to wait; the next placement succeeds")
    void rateLimitedThenPlaced() {
        nothingUnderTheId();
        KRAKEN.server.stubFor(signed("AddOrder").inScenario("busy").whenScenarioStateIs(STARTED)
                .willSetStateTo("calm").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        KRAKEN.server.stubFor(signed("AddOrder").inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson(fixture("add-order.json"))));
        answer("QueryOrders", "query-orders-filled.json");

        assertThatThrownBy(() -> kraken.place(KEY, MARKET_BUY))
                .isInstanceOfSatisfying(VenueRateLimitedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_PLACED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
        assertThat(kraken.place(KEY, MARKET_BUY).status()).isEqualTo(Fill.Status.FILLED);
        KRAKEN.server.verify(exactly(2), addOrder());
    }

    @Test
    @DisplayName("Kraken's 'EAPI:Rate limit exceeded' waits the documented decay of one call")
    void rateLimitInTheBody() {
        nothingUnderTheId();
        answerError("AddOrder", "EAPI:Rate limit exceeded");

        assertThatThrownBy(() -> kraken.place(KEY, MARKET_BUY))
                .isInstanceOfSatisfying(VenueRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 520})
    @DisplayName("a 5xx on a placement is UNKNOWN: Kraken does not say whether the order went in")
    void serverErrorOnPlace(int status) {
        nothingUnderTheId();
        KRAKEN.server.stubFor(signed("AddOrder").willReturn(aResponse().withStatus(status)
                .withBody("<html><body>origin error</body></html>")));

        assertThatThrownBy(() -> kraken.place(KEY, MARKET_BUY)).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EService:Unavailable", "EService:Busy"})
    @DisplayName("Kraken's service errors on a placement are UNKNOWN (its docs do not say nothing was placed)")
    void serviceErrorOnPlace(String error) {
        nothingUnderTheId();
        answerError("AddOrder", error);

        assertThatThrownBy(() -> kraken.place(KEY, MARKET_BUY)).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));
    }

    @Test
    @DisplayName("'EAPI:Invalid nonce' is NOT_PLACED: safe to send again with a new nonce")
    void invalidNonce() {
        nothingUnderTheId();
        answerError("AddOrder", "EAPI:Invalid nonce");

        assertThatThrownBy(() -> kraken.place(KEY, MARKET_BUY)).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.NOT_PLACED));
    }

    @Test
    @DisplayName("when the lookup before placing gets no answer, nothing is placed and the engine may try again")
    void lookupBeforePlacingUnanswered() {
        KRAKEN.server.stubFor(signed("OpenOrders").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> kraken.place(KEY, MARKET_BUY)).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.NOT_PLACED));
        KRAKEN.server.verify(exactly(0), addOrder());
    }

    @Test
    @DisplayName("a wrong secret gets Kraken's invalid-signature answer: refused, nothing placed, secret not shown")
    void wrongSecret() {
        nothingUnderTheId();
        answer("AddOrder", "add-order.json");
        String wrong = "Tm90IHRoZSBrZXk6IGEgc2Vjb25kIHRlc3Qgc2VjcmV0LCBzaXh0eS1mb3VyIGJ5dGVzLCBmb3IgcmVmdXNhbA==";

        assertThatThrownBy(() -> kraken.place(key(wrong), MARKET_BUY)).isInstanceOfSatisfying(BrokerException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).contains("invalid signature").doesNotContain(wrong)
                            .doesNotContain(KrakenStub.SECRET);
                });
        KRAKEN.server.verify(exactly(0), addOrder());
        KRAKEN.server.verify(exactly(0), postRequestedFor(urlPathMatching("/0/private/.*"))
                .andMatching(KrakenStub::signedByTestKey));
    }

    @Test
    @DisplayName("every private request carries the key, a User-Agent and a nonce above the one before")
    void noncesRise() {
        nothingUnderTheId();
        answer("AddOrder", "add-order.json");
        answer("QueryOrders", "query-orders-filled.json");

        kraken.place(KEY, MARKET_BUY);

        List<LoggedRequest> sent = KRAKEN.server.findAll(postRequestedFor(urlPathMatching("/0/private/.*")));
        assertThat(paths(sent)).containsExactly("/0/private/OpenOrders", "/0/private/ClosedOrders",
                "/0/private/AddOrder", "/0/private/QueryOrders");
        List<Long> sentNonces = sent.stream()
                .map(r -> Long.parseLong(KrakenStub.formField(r.getBodyAsString(), "nonce"))).toList();
        assertThat(sentNonces).isSorted().doesNotHaveDuplicates();
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.getHeader("API-Key")).isEqualTo(KrakenStub.API_KEY);
            assertThat(r.getHeader("User-Agent")).isNotBlank();
            assertThat(r.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        });
    }

    @Test
    @DisplayName("lookup: an open order is RESTING; none under the id is empty")
    void lookup() {
        answer("OpenOrders", "open-orders-resting.json");

        assertThat(kraken.lookup(KEY, "XBTUSD", CL_ORD_ID)).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(Fill.Status.RESTING);
            assertThat(f.price()).isEqualByComparingTo("30010.0");
            assertThat(f.venueOrderId()).isEqualTo(TXID);
        });

        KRAKEN.reset();
        nothingUnderTheId();
        assertThat(kraken.lookup(KEY, "XBTUSD", CL_ORD_ID)).isEmpty();
    }

    @Test
    @DisplayName("an order Kraken lists under another client order id is never taken for ours")
    void othersOrdersAreNotOurs() {
        answer("OpenOrders", "open-orders-account.json");
        answer("ClosedOrders", "closed-orders-none.json");

        assertThat(kraken.lookup(KEY, "XBTUSD", CL_ORD_ID)).isEmpty();
    }

    @Test
    @DisplayName("cancel: true when Kraken cancelled an order under the id, false when it knows none")
    void cancel() {
        answer("CancelOrder", "cancel-order.json");
        assertThat(kraken.cancel(KEY, "XBTUSD", CL_ORD_ID)).isTrue();
        KRAKEN.server.verify(postRequestedFor(urlPathEqualTo("/0/private/CancelOrder"))
                .withFormParam("cl_ord_id", equalTo(CL_ORD_ID)));

        KRAKEN.reset();
        answerError("CancelOrder", "EOrder:Unknown order");
        assertThat(kraken.cancel(KEY, "XBTUSD", CL_ORD_ID)).isFalse();
    }

    @Test
    @DisplayName("key check: a key that may trade and withdraw is ok, with a warning about withdrawals")
    void keyMayTradeAndWithdraw() {
        answerReadRights();
        KRAKEN.server.stubFor(signed("AddOrder").withFormParam("validate", equalTo("true"))
                .willReturn(okJson(fixture("add-order-validated.json"))));
        answer("WithdrawMethods", "withdraw-methods.json");

        KeyCheck check = kraken.check(KEY);

        assertThat(check.ok()).isTrue();
        assertThat(check.permissions()).contains("trade", "withdraw", "query-funds");
        assertThat(check.problems()).singleElement().asString().startsWith("warning:").contains("withdraw");
        KRAKEN.server.verify(exactly(1), addOrder().withFormParam("validate", equalTo("true")));
    }

    @Test
    @DisplayName("key check: a key that cannot trade is not ok, and says why")
    void keyCannotTrade() {
        answerReadRights();
        answerError("AddOrder", "EGeneral:Permission denied");
        answerError("WithdrawMethods", "EGeneral:Permission denied");

        KeyCheck check = kraken.check(KEY);

        assertThat(check.ok()).isFalse();
        assertThat(check.permissions()).doesNotContain("trade", "withdraw");
        assertThat(check.problems()).singleElement().asString().startsWith("error:").contains("cannot trade");
    }

    @Test
    @DisplayName("key check: an invalid key is reported, not thrown, after a single call")
    void keyInvalid() {
        answerError("Balance", "EAPI:Invalid key");

        KeyCheck check = kraken.check(KEY);

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).singleElement().asString().contains("invalid API key");
        KRAKEN.server.verify(exactly(1), anyRequestedFor(anyUrl()));
    }

    @Test
    @DisplayName("rules: minimum size, size step, tick and minimum notional from the public AssetPairs")
    void rules() {
        KRAKEN.server.stubFor(get(urlPathEqualTo("/0/public/AssetPairs"))
                .willReturn(okJson(fixture("asset-pairs-xbtusd.json"))));

        VenueRules rules = kraken.rules("XBTUSD");

        assertThat(rules.venueSymbol()).isEqualTo("XBTUSD");
        assertThat(rules.minSize()).isEqualByComparingTo("0.0001");
        assertThat(rules.sizeStep()).isEqualByComparingTo("0.00000001");
        assertThat(rules.tick()).isEqualByComparingTo("0.1");
        assertThat(rules.minNotional()).isEqualByComparingTo("0.5");
        KRAKEN.server.verify(getRequestedFor(urlPathEqualTo("/0/public/AssetPairs"))
                .withQueryParam("pair", equalTo("XBTUSD")));
    }

    @Test
    @DisplayName("account: balances under NIJA's asset names, open orders with their client order ids")
    void account() {
        answer("Balance", "balance.json");
        KRAKEN.server.stubFor(signed("OpenOrders").withFormParam("cl_ord_id", absent())
                .willReturn(okJson(fixture("open-orders-account.json"))));

        VenueAccount account = kraken.account(KEY);

        assertThat(account.balances()).containsEntry("BTC", new BigDecimal("1011.1908877900"))
                .containsEntry("ETH", new BigDecimal("818.5500000000"))
                .containsEntry("USD", new BigDecimal("171288.6158"))
                .containsEntry("EUR", new BigDecimal("504861.8946"))
                .containsEntry("USDT", new BigDecimal("500000.00000000"))
                .doesNotContainKeys("XXBT", "ZUSD");
        assertThat(account.openOrders()).hasSize(2);
        VenueAccount.OpenOrder ours = account.openOrders().stream()
                .filter(o -> o.venueOrderId().equals("OQCLML-BW3P3-BUCMWZ")).findFirst().orElseThrow();
        assertThat(ours.clientOrderId()).isEqualTo("c016cef9-92c1-312f-aad4-6d65d5964b61");
        assertThat(ours.side()).isEqualTo(OrderSide.BUY);
        assertThat(ours.filledQuantity()).isEqualByComparingTo("0.375");
        assertThat(ours.limitPrice()).isEqualByComparingTo("30010.0");
        assertThat(account.openOrders()).filteredOn(o -> o.venueOrderId().equals("OB5VMB-B4U2U-DK2WRW"))
                .singleElement().satisfies(o -> {
                    assertThat(o.clientOrderId()).isEmpty();
                    assertThat(o.side()).isEqualTo(OrderSide.SELL);
                });
    }

    private KrakenClient client(Duration timeout) {
        VenueHttp http = new VenueHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), timeout);
        return new KrakenClient(http, Map.of("NIJA_BROKER_KRAKEN_BASE_URL", KRAKEN.baseUrl()), CLOCK,
                keyId -> nonces.incrementAndGet());
    }

    /** One call first, so the short timeout measures the venue, not the JVM opening its first connection. */
    private static KrakenClient warmedUp(KrakenClient client) {
        answer("OpenOrders", "open-orders-none.json");
        answer("ClosedOrders", "closed-orders-none.json");
        client.lookup(KEY, "XBTUSD", CL_ORD_ID);
        KRAKEN.reset();
        return client;
    }

    private static VenueCredentials key(String secret) {
        return new VenueCredentials(Venue.KRAKEN, Map.of("apiKey", KrakenStub.API_KEY, "apiSecret", secret), false);
    }

    private static void nothingUnderTheId() {
        answer("OpenOrders", "open-orders-none.json");
        answer("ClosedOrders", "closed-orders-none.json");
    }

    private static void answerReadRights() {
        answer("Balance", "balance.json");
        answer("OpenOrders", "open-orders-none.json");
        answer("ClosedOrders", "closed-orders-none.json");
    }

    private static void answer(String method, String fixture) {
        KRAKEN.server.stubFor(signed(method).willReturn(okJson(fixture(fixture))));
    }

    private static void answerError(String method, String error) {
        KRAKEN.server.stubFor(signed(method).willReturn(okJson("{\"error\":[\"" + error + "\"]}")));
    }

    private static RequestPatternBuilder addOrder() {
        return postRequestedFor(urlPathEqualTo("/0/private/AddOrder"));
    }

    private static List<String> paths(List<LoggedRequest> requests) {
        return requests.stream().map(r -> java.net.URI.create(r.getUrl()).getPath()).toList();
    }
}
