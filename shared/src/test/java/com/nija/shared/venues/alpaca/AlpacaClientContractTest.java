package com.nija.shared.venues.alpaca;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.nija.shared.venues.alpaca.AlpacaStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link AlpacaClient} against two stubbed Alpaca hosts — paper and live, each accepting only its own key — that answer
 * with Alpaca's documented bodies ({@code src/test/resources/venues/alpaca/README.md} names each body's source).
 * Each test asserts what the engine would see.
 */
class AlpacaClientContractTest {
    private static final String ORDER_ID = "o-0123456789abcdef01234567";
    private static final String ALPACA_ORDER_ID = "61e69015-8549-4bfd-b9c3-01e75843f47d";
    private static final String BY_CLIENT_ORDER_ID = "/v2/orders:by_client_order_id?client_order_id=" + ORDER_ID;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-06-16T12:00:00Z"), ZoneOffset.UTC);
    private static final VenueCredentials PAPER_KEY = key("PKTESTPAPER4KEY7", "paper-secret-9f3b2c1d0e", true);
    private static final VenueCredentials LIVE_KEY = key("AKLIVEKEY0000LIVE", "live-secret-77aa55cc33", false);
    private static final AlpacaStub PAPER = new AlpacaStub(PAPER_KEY.field("keyId"), PAPER_KEY.field("secretKey"));
    private static final AlpacaStub LIVE = new AlpacaStub(LIVE_KEY.field("keyId"), LIVE_KEY.field("secretKey"));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Instruments INSTRUMENTS = new Instruments();
    /** How the engine wires the listed rules: the instrument list's Alpaca entry for the pair. */
    private static final Function<String, Optional<VenueRules>> LISTED = symbol -> INSTRUMENTS.find(symbol)
            .flatMap(i -> i.on(Venue.ALPACA.wire())).filter(m -> m.symbol().equals(symbol))
            .map(m -> new VenueRules(m.symbol(), m.minSize(), m.sizeStep(), m.tick(), m.minNotional()));

    private final AlpacaClient client = client(VenueHttp.DEFAULT_TIMEOUT);

    @BeforeAll
    static void start() {
        PAPER.start();
        LIVE.start();
    }

    @AfterAll
    static void stop() {
        PAPER.stop();
        LIVE.stop();
    }

    @BeforeEach
    void reset() {
        PAPER.reset();
        LIVE.reset();
    }

    @Test
    @DisplayName("A market buy filled at once is FILLED at Alpaca's average price and fill time, sent as documented")
    void marketFill() {
        PAPER.stub(post(urlEqualTo("/v2/orders")).willReturn(json(200, "order-filled.json")));

        Fill fill = client.place(PAPER_KEY, marketBuy());

        assertThat(fill).isEqualTo(new Fill(ORDER_ID, Fill.Status.FILLED, new BigDecimal("0.001"),
                new BigDecimal("65012.5"), BigDecimal.ZERO, Instant.parse("2031-06-16T11:59:58.401122Z"),
                ALPACA_ORDER_ID));
        PAPER.server.verify(1, postRequestedFor(urlEqualTo("/v2/orders"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"symbol":"BTC/USD","qty":"0.001","side":"buy","type":"market","time_in_force":"gtc",
                         "client_order_id":"o-0123456789abcdef01234567"}""")));
        PAPER.server.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    @DisplayName("A market order Alpaca has only accepted is read once more, and answers what that read shows")
    void acceptedThenRead() {
        PAPER.stub(post(urlEqualTo("/v2/orders")).willReturn(json(200, "order-pending-new.json")));
        PAPER.stub(get(urlEqualTo(BY_CLIENT_ORDER_ID)).willReturn(json(200, "order-filled.json")));

        Fill fill = client.place(PAPER_KEY, marketBuy());

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.price()).isEqualByComparingTo("65012.5");
        PAPER.server.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
        PAPER.server.verify(1, getRequestedFor(urlEqualTo(BY_CLIENT_ORDER_ID)));
    }

    @Test
    @DisplayName("A limit order below the market rests: RESTING for the ordered quantity, sent good-till-cancelled")
    void limitRests() {
        PAPER.stub(post(urlEqualTo("/v2/orders")).willReturn(json(200, "order-limit-new.json")));
        PAPER.stub(get(urlEqualTo(BY_CLIENT_ORDER_ID)).willReturn(json(200, "order-limit-new.json")));

        Fill fill = client.place(PAPER_KEY, limitBuy());

        assertThat(fill.status()).isEqualTo(Fill.Status.RESTING);
        assertThat(fill.quantity()).isEqualByComparingTo("0.001");
        assertThat(fill.venueOrderId()).isEqualTo(ALPACA_ORDER_ID);
        PAPER.server.verify(postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(equalToJson("""
                {"symbol":"BTC/USD","qty":"0.001","side":"buy","type":"limit","time_in_force":"gtc",
                 "limit_price":"60000","client_order_id":"o-0123456789abcdef01234567"}""")));
    }

    @Test
    @DisplayName("An order cancelled after part of it filled is PARTIALLY_FILLED with what filled")
    void partialFill() {
        PAPER.stub(post(urlEqualTo("/v2/orders")).willReturn(json(200, "order-canceled-partial.json")));

        Fill fill = client.place(PAPER_KEY, limitBuy());

        assertThat(fill).isEqualTo(new Fill(ORDER_ID, Fill.Status.PARTIALLY_FILLED, new BigDecimal("0.0004"),
                new BigDecimal("59998.75"), BigDecimal.ZERO, Instant.parse("2031-06-16T11:59:59.010203Z"),
                ALPACA_ORDER_ID));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "403, error-insufficient-balance.json, 'insufficient balance for USD (requested: 65.0125, available: 12.5) [40310000]'",
        "422, error-invalid-qty.json, qty must be > 0 [40010001]",
        "403, error-cost-basis.json, cost basis must be >= minimal amount of order 1 [40310000]"})
    @DisplayName("Alpaca's refusals of an order are REJECTED with its reason in words")
    void refusals(int status, String body, String reason) {
        PAPER.stub(post(urlEqualTo("/v2/orders")).willReturn(json(status, body)));

        assertThatThrownBy(() -> client.place(PAPER_KEY, marketBuy()))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).isEqualTo("Alpaca refused the order: " + status + " " + reason);
                });
        PAPER.server.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    @DisplayName("A taken client order id answers the existing order's state, and nothing is placed twice")
    void duplicateClientOrderId() {
        PAPER.stub(post(urlEqualTo("/v2/orders")).willReturn(json(422, "error-duplicate-client-order-id.json")));
        PAPER.stub(get(urlEqualTo(BY_CLIENT_ORDER_ID)).willReturn(json(200, "order-filled.json")));

        Fill fill = client.place(PAPER_KEY, marketBuy());

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.quantity()).isEqualByComparingTo("0.001");
        PAPER.server.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    @DisplayName("A taken client order id whose order Alpaca rejected is REJECTED, not placed again")
    void duplicateOfRejected() {
        PAPER.stub(post(urlEqualTo("/v2/orders")).willReturn(json(422, "error-duplicate-client-order-id.json")));
        PAPER.stub(get(urlEqualTo(BY_CLIENT_ORDER_ID)).willReturn(json(200, "order-rejected.json")));

        assertThatThrownBy(() -> client.place(PAPER_KEY, marketBuy()))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED));
        PAPER.server.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    @DisplayName("No answer in time is UNKNOWN; the lookup by client order id then finds the order filled")
    void timeoutThenFound() {
        PAPER.stub(post(urlEqualTo("/v2/orders")).willReturn(json(200, "order-filled.json").withFixedDelay(1500)));
        PAPER.stub(get(urlEqualTo(BY_CLIENT_ORDER_ID)).willReturn(json(200, "order-filled.json")));
        AlpacaClient impatient = client(Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.place(PAPER_KEY, marketBuy()))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNKNOWN));
        Optional<Fill> found = impatient.lookup(PAPER_KEY, "BTC/USD", ORDER_ID);

        assertThat(found).get().extracting(Fill::status, Fill::quantity, Fill::venueOrderId)
                .containsExactly(Fill.Status.FILLED, new BigDecimal("0.001"), ALPACA_ORDER_ID);
    }

    @Test
    @DisplayName("No answer in time, and Alpaca has no order under the id: the lookup is empty")
    void timeoutThenNothing() {
        PAPER.stub(post(urlEqualTo("/v2/orders")).willReturn(json(200, "order-filled.json").withFixedDelay(1500)));
        PAPER.stub(get(urlEqualTo(BY_CLIENT_ORDER_ID)).willReturn(json(404, "error-order-not-found.json")));
        AlpacaClient impatient = client(Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.place(PAPER_KEY, marketBuy()))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNKNOWN));

        assertThat(impatient.lookup(PAPER_KEY, "BTC/USD", ORDER_ID)).isEmpty();
    }

    @Test
    @DisplayName("429 is NOT_PLACED with the wait until Alpaca's X-RateLimit-Reset; the next call goes through")
    void rateLimitedThenPlaced() {
        long reset = CLOCK.instant().getEpochSecond() + 17;
        PAPER.stub(post(urlEqualTo("/v2/orders")).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(json(429, "error-rate-limited.json").withHeader("X-RateLimit-Limit", "200")
                        .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", Long.toString(reset)))
                .willSetStateTo("window open"));
        PAPER.stub(post(urlEqualTo("/v2/orders")).inScenario("limit").whenScenarioStateIs("window open")
                .willReturn(json(200, "order-filled.json")));

        assertThatThrownBy(() -> client.place(PAPER_KEY, marketBuy()))
                .isInstanceOfSatisfying(VenueRateLimitedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_PLACED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(17));
                });
        Fill fill = client.place(PAPER_KEY, marketBuy());

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        PAPER.server.verify(2, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    @DisplayName("A 5xx to an order is UNKNOWN: Alpaca does not say it placed nothing")
    void serverErrorIsUnknown() {
        PAPER.stub(post(urlEqualTo("/v2/orders")).willReturn(aResponse().withStatus(503).withBody("upstream timeout")));

        assertThatThrownBy(() -> client.place(PAPER_KEY, marketBuy()))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNKNOWN);
                    assertThat(e.getMessage()).contains("503");
                });
    }

    @Test
    @DisplayName("A wrong secret gets Alpaca's 401: REJECTED naming the key, the secret in no message, no order stubbed")
    void wrongSecret() {
        PAPER.stub(post(urlEqualTo("/v2/orders")).willReturn(json(200, "order-filled.json")));
        VenueCredentials wrong = key(PAPER_KEY.field("keyId"), "paper-secret-WRONG", true);

        assertThatThrownBy(() -> client.place(wrong, marketBuy()))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).isEqualTo("Alpaca refused the key: 401 unauthorized")
                            .doesNotContain("paper-secret");
                });
        PAPER.server.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
        PAPER.server.verify(0, postRequestedFor(urlEqualTo("/v2/orders")).andMatching(PAPER.key));
    }

    @Test
    @DisplayName("A paper key only ever reaches the paper host, a live key only the live host")
    void routesByPaperFlag() {
        PAPER.stub(post(urlEqualTo("/v2/orders")).willReturn(json(200, "order-filled.json")));
        LIVE.stub(post(urlEqualTo("/v2/orders")).willReturn(json(200, "order-limit-filled.json")));

        Fill paper = client.place(PAPER_KEY, marketBuy());
        PAPER.server.verify(1, anyRequestedFor(anyUrl()));
        LIVE.server.verify(0, anyRequestedFor(anyUrl()));

        Fill live = client.place(LIVE_KEY, limitBuy());
        LIVE.server.verify(1, postRequestedFor(urlEqualTo("/v2/orders")).andMatching(LIVE.key));
        PAPER.server.verify(1, anyRequestedFor(anyUrl()));

        assertThat(paper.price()).isEqualByComparingTo("65012.5");
        assertThat(live.price()).isEqualByComparingTo("59990");
    }

    @Test
    @DisplayName("Key check: an active crypto account may read and trade, and cannot withdraw — no problem to report")
    void checkActive() {
        LIVE.stub(get(urlEqualTo("/v2/account")).willReturn(json(200, "account-active.json")));

        KeyCheck check = client.check(LIVE_KEY);

        assertThat(check.ok()).isTrue();
        assertThat(check.permissions()).containsExactly("read", "trade");
        assertThat(check.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "account-trading-blocked.json, error: trading is blocked on the Alpaca account",
        "account-crypto-disabled.json, error: crypto trading is not enabled on the Alpaca account"})
    @DisplayName("Key check: an account that cannot trade crypto is not ok, and says why")
    void checkCannotTrade(String account, String problem) {
        LIVE.stub(get(urlEqualTo("/v2/account")).willReturn(json(200, account)));

        KeyCheck check = client.check(LIVE_KEY);

        assertThat(check.ok()).isFalse();
        assertThat(check.permissions()).doesNotContain("trade");
        assertThat(check.problems()).containsExactly(problem);
    }

    @Test
    @DisplayName("Key check: a key Alpaca refuses is reported not ok, never thrown")
    void checkRefusedKey() {
        LIVE.stub(get(urlEqualTo("/v2/account")).willReturn(json(200, "account-active.json")));

        KeyCheck check = client.check(key(LIVE_KEY.field("keyId"), "not-the-secret", false));

        assertThat(check.ok()).isFalse();
        assertThat(check.permissions()).isEmpty();
        assertThat(check.problems()).containsExactly("error: Alpaca refused the key: 401 unauthorized");
    }

    @Test
    @DisplayName("Rules without a key come from the instrument list; an unlisted pair is refused without a call")
    void listedRules() {
        VenueRules rules = client.rules("BTC/USD");

        assertThat(rules).isEqualTo(LISTED.apply("BTC/USD").orElseThrow());
        assertThat(rules.minSize()).isEqualByComparingTo("0.0001");
        assertThatThrownBy(() -> client.rules("PEPE/USD")).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED));
        PAPER.server.verify(0, anyRequestedFor(anyUrl()));
        LIVE.server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    @DisplayName("Rules with a key are Alpaca's asset: the pair URL-encoded, minimum size, size step and tick parsed")
    void assetRules() {
        LIVE.stub(get(urlEqualTo("/v2/assets/BTC%2FUSD")).willReturn(json(200, "asset-btc-usd.json")));

        VenueRules rules = client.rules(LIVE_KEY, "BTC/USD");

        assertThat(rules.venueSymbol()).isEqualTo("BTC/USD");
        assertThat(rules.minSize()).isEqualByComparingTo("0.0001");
        assertThat(rules.sizeStep()).isEqualByComparingTo("0.000000001");
        assertThat(rules.tick()).isEqualByComparingTo("1");
        assertThat(rules.minNotional()).isEqualByComparingTo("1");
        assertThat(rules.roundSize(new BigDecimal("0.0012345678912"))).isEqualByComparingTo("0.001234567");
    }

    @Test
    @DisplayName("Account: USD cash and crypto held by asset (BTCUSD → BTC), stocks left out; open orders by NIJA id")
    void account() {
        LIVE.stub(get(urlEqualTo("/v2/account")).willReturn(json(200, "account-active.json")));
        LIVE.stub(get(urlEqualTo("/v2/positions")).willReturn(json(200, "positions.json")));
        LIVE.stub(get(urlPathEqualTo("/v2/orders")).withQueryParam("status", equalTo("open"))
                .willReturn(json(200, "orders-open.json")));

        VenueAccount account = client.account(LIVE_KEY);

        assertThat(account.balances()).containsOnlyKeys("USD", "BTC", "ETH");
        assertThat(account.balances().get("USD")).isEqualByComparingTo("122086.5");
        assertThat(account.balances().get("BTC")).isEqualByComparingTo("0.0099975");
        assertThat(account.balances().get("ETH")).isEqualByComparingTo("0.249375");
        assertThat(account.openOrders()).containsExactly(
                new VenueAccount.OpenOrder(ORDER_ID, ALPACA_ORDER_ID, "BTC/USD", OrderSide.BUY,
                        new BigDecimal("0.001"), new BigDecimal("0"), new BigDecimal("60000")),
                new VenueAccount.OpenOrder("", "0d8e4b36-0a4b-4c51-8b5b-0d6b4a9f2c11", "ETH/USD", OrderSide.SELL,
                        new BigDecimal("0.5"), new BigDecimal("0.1"), new BigDecimal("3500")));
    }

    @Test
    @DisplayName("Cancel: a resting order is cancelled by Alpaca's order id")
    void cancelResting() {
        PAPER.stub(get(urlEqualTo(BY_CLIENT_ORDER_ID)).willReturn(json(200, "order-limit-new.json")));
        PAPER.stub(delete(urlEqualTo("/v2/orders/" + ALPACA_ORDER_ID)).willReturn(aResponse().withStatus(204)));

        assertThat(client.cancel(PAPER_KEY, "BTC/USD", ORDER_ID)).isTrue();
        PAPER.server.verify(1, deleteRequestedFor(urlEqualTo("/v2/orders/" + ALPACA_ORDER_ID)));
    }

    @Test
    @DisplayName("Cancel: false for a filled order (no DELETE sent), an unknown id, or an order that filled meanwhile")
    void cancelNothingOpen() {
        PAPER.stub(lookup().willReturn(json(200, "order-filled.json")));
        assertThat(client.cancel(PAPER_KEY, "BTC/USD", ORDER_ID)).isFalse();
        PAPER.server.verify(0, deleteRequestedFor(anyUrl()));

        PAPER.stub(lookup().willReturn(json(404, "error-order-not-found.json")));
        assertThat(client.cancel(PAPER_KEY, "BTC/USD", ORDER_ID)).isFalse();

        PAPER.stub(lookup().willReturn(json(200, "order-limit-new.json")));
        PAPER.stub(delete(urlEqualTo("/v2/orders/" + ALPACA_ORDER_ID)).willReturn(json(422, "error-not-cancelable.json")));
        assertThat(client.cancel(PAPER_KEY, "BTC/USD", ORDER_ID)).isFalse();
    }

    @Test
    @DisplayName("Lookup: an order Alpaca rejected with nothing filled reads as none, like a cancelled paper order")
    void lookupRejected() {
        PAPER.stub(get(urlEqualTo(BY_CLIENT_ORDER_ID)).willReturn(json(200, "order-rejected.json")));

        assertThat(client.lookup(PAPER_KEY, "BTC/USD", ORDER_ID)).isEmpty();
    }

    private static MappingBuilder lookup() {
        return get(urlEqualTo(BY_CLIENT_ORDER_ID));
    }

    private AlpacaClient client(Duration timeout) {
        Map<String, String> env = Map.of("NIJA_BROKER_ALPACA_BASE_URL", LIVE.baseUrl(),
                "NIJA_BROKER_ALPACA_SANDBOX_BASE_URL", PAPER.baseUrl());
        return new AlpacaClient(new VenueHttp(HTTP, timeout), env, CLOCK, LISTED);
    }

    private static VenueCredentials key(String keyId, String secretKey, boolean paper) {
        return new VenueCredentials(Venue.ALPACA, Map.of("keyId", keyId, "secretKey", secretKey), paper);
    }

    private static VenueOrder marketBuy() {
        return new VenueOrder(ORDER_ID, ORDER_ID, "BTC/USD", OrderSide.BUY, OrderType.MARKET, new BigDecimal("0.001"), null);
    }

    private static VenueOrder limitBuy() {
        return new VenueOrder(ORDER_ID, ORDER_ID, "BTC/USD", OrderSide.BUY, OrderType.LIMIT, new BigDecimal("0.001"),
                new BigDecimal("60000"));
    }
}
