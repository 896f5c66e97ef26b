package com.nija.shared.venues.coinbase;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.json.Json;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import com.nija.shared.venues.ClientOrderIds;
import com.nija.shared.venues.KeyCheck;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueAccount;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueOrder;
import com.nija.shared.venues.VenueRateLimitedException;
import com.nija.shared.venues.VenueRules;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link CoinbaseClient} against a stub of Coinbase Advanced Trade that answers as Coinbase documents it and accepts a
 * private request only when its JWT verifies ({@link CoinbaseSignedRequest}); anything else gets Coinbase's
 * {@code 401 Unauthorized}. Each test asserts what the engine would see.
 *
 * <p>The bodies in {@code src/test/resources/venues/coinbase/} follow the API reference at
 * docs.cdp.coinbase.com/api-reference/advanced-trade-api/rest-api/: {@code create-order-*} — Orders › Create Order
 * (200 with {@code success_response}, or {@code success: false} with {@code error_response}; the insufficient-funds
 * body is the one Coinbase sends for INSUFFICIENT_FUND, the invalid-size one names its reason in
 * {@code new_order_failure_reason}); {@code get-order-*} — Orders › Get Order; {@code list-orders-*} — Orders › List
 * Orders ({@code orders}, {@code has_next}, {@code cursor}; each entry an order as Get Order has it); {@code batch-cancel-*} — Orders › Cancel Orders;
 * {@code key-permissions-*} — Data API › Get API Key Permissions; {@code product-btc-usd.json} — Public › Get Public
 * Product; {@code accounts-page-*} — Accounts › List Accounts. The one body no page documents is
 * {@code create-order-duplicate-client-order-id.json}: Coinbase answers a repeated client order id with the order
 * already placed (see {@link #retryAnswersTheFirstOrder}); the refusal shape is the client's defence should it ever
 * answer with an error instead.
 */
class CoinbaseClientContractTest {
    private static final String ORDER_ID_NIJA = "o-0123456789abcdef01234567";
    private static final String CID = ClientOrderIds.forVenue(Venue.COINBASE, ORDER_ID_NIJA);
    private static final String VENUE_ORDER_ID = "8d53f2e6-1c0a-4e7b-9b5c-3f1d2a7e4c61";
    private static final String ORDERS = "/api/v3/brokerage/orders";
    private static final String ORDER = ORDERS + "/historical/" + VENUE_ORDER_ID;
    private static final String LIST = ORDERS + "/historical/batch";
    private static final Clock CLOCK = PlatformClock.system();
    private static final CoinbaseTestKeys KEYS = CoinbaseTestKeys.generate(
            "organizations/8c2b6f04-0d1e-4f5a-9b7c-2e3d4f5a6b7c/apiKeys/1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718");

    @RegisterExtension
    static final WireMockExtension coinbase = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private final CoinbaseSignedRequest signed = new CoinbaseSignedRequest(
            new CoinbaseJwtCheck(KEYS.keyName(), KEYS.publicKey(), CLOCK));
    private CoinbaseClient client;
    /** The same client with a 300 ms timeout, for answers that come too late. */
    private CoinbaseClient impatient;

    @BeforeEach
    void setUp() {
        Map<String, String> env = Map.of("NIJA_BROKER_COINBASE_BASE_URL", coinbase.baseUrl());
        client = new CoinbaseClient(new VenueHttp(http(), Duration.ofSeconds(3)), env, CLOCK);
        impatient = new CoinbaseClient(new VenueHttp(http(), Duration.ofMillis(300)), env, CLOCK);
        // Coinbase's answer to a request whose JWT does not verify (or a path the stub does not serve).
        coinbase.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401).withBody("Unauthorized\n")));
    }

    @Test
    @DisplayName("a market buy is placed as market_market_ioc in base size and answers the fill Coinbase reports")
    void marketBuyFills() {
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS))).withRequestBody(equalToJson("""
                {"client_order_id": "o-0123456789abcdef01234567", "product_id": "BTC-USD", "side": "BUY",
                 "order_configuration": {"market_market_ioc": {"base_size": "0.001"}}}"""))
                .willReturn(body("create-order-market-buy.json")));
        coinbase.stubFor(signed(get(urlPathEqualTo(ORDER))).willReturn(body("get-order-market-filled.json")));

        Fill fill = client.place(KEYS.credentials(), order(OrderSide.BUY, OrderType.MARKET, "0.001", null));

        assertThat(fill.clientOrderId()).isEqualTo(CID);
        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.quantity()).isEqualByComparingTo("0.001");
        assertThat(fill.price()).isEqualByComparingTo("61250.5");
        assertThat(fill.fee()).isEqualByComparingTo("0.367503");
        assertThat(fill.at()).isEqualTo(Instant.parse("2031-06-16T11:59:59.587112Z"));
        assertThat(fill.venueOrderId()).isEqualTo(VENUE_ORDER_ID);
    }

    @Test
    @DisplayName("a limit buy is placed good-till-cancelled, not post-only, and rests until the price comes")
    void limitRests() {
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS))).withRequestBody(equalToJson("""
                {"client_order_id": "o-0123456789abcdef01234567", "product_id": "BTC-USD", "side": "BUY",
                 "order_configuration": {"limit_limit_gtc": {"base_size": "0.001", "limit_price": "60000.00",
                                                              "post_only": false}}}"""))
                .willReturn(body("create-order-limit-buy.json")));
        coinbase.stubFor(signed(get(urlPathEqualTo(ORDER))).willReturn(body("get-order-limit-open.json")));

        Fill fill = client.place(KEYS.credentials(), order(OrderSide.BUY, OrderType.LIMIT, "0.001", "60000.00"));

        assertThat(fill.status()).isEqualTo(Fill.Status.RESTING);
        assertThat(fill.quantity()).isEqualByComparingTo("0.001");
        assertThat(fill.price()).isNull();
        assertThat(fill.venueOrderId()).isEqualTo(VENUE_ORDER_ID);
    }

    @Test
    @DisplayName("a market order Coinbase ended after filling part answers PARTIALLY_FILLED with what filled")
    void partialFill() {
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS))).willReturn(body("create-order-market-buy.json")));
        coinbase.stubFor(signed(get(urlPathEqualTo(ORDER))).willReturn(body("get-order-market-cancelled-partly-filled.json")));

        Fill fill = client.place(KEYS.credentials(), order(OrderSide.SELL, OrderType.MARKET, "0.001", null));

        assertThat(fill.status()).isEqualTo(Fill.Status.PARTIALLY_FILLED);
        assertThat(fill.quantity()).isEqualByComparingTo("0.0004");
        assertThat(fill.price()).isEqualByComparingTo("61240.25");
        assertThat(fill.fee()).isEqualByComparingTo("0.1469766");
        assertThat(fill.venueOrderId()).isEqualTo(VENUE_ORDER_ID);
    }

    @Test
    @DisplayName("a market order Coinbase ended with nothing filled is REJECTED, and a look-up finds no order standing")
    void endedUnfilled() {
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS))).willReturn(body("create-order-market-buy.json")));
        coinbase.stubFor(signed(get(urlPathEqualTo(ORDER))).willReturn(body("get-order-market-cancelled-unfilled.json")));
        stubOpenOrders("list-orders-empty.json");
        stubHistory("list-orders-market-cancelled-unfilled.json");
        var key = KEYS.credentials();

        BrokerException ended = catchThrowableOfType(BrokerException.class,
                () -> client.place(key, order(OrderSide.BUY, OrderType.MARKET, "0.001", null)));

        assertThat(ended.kind()).isEqualTo(BrokerException.Kind.REJECTED);
        assertThat(ended.getMessage()).contains("nothing filled", "cancelled");
        assertThat(client.lookup(key, "BTC-USD", CID)).isEmpty();
    }

    @Test
    @DisplayName("insufficient funds is REJECTED in words, and no order is read")
    void insufficientFunds() {
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS))).willReturn(body("create-order-insufficient-fund.json")));

        BrokerException refused = catchThrowableOfType(BrokerException.class,
                () -> client.place(KEYS.credentials(), order(OrderSide.BUY, OrderType.MARKET, "0.001", null)));

        assertThat(refused.kind()).isEqualTo(BrokerException.Kind.REJECTED);
        assertThat(refused.getMessage()).contains("insufficient funds", "Insufficient balance in source account");
        coinbase.verify(0, getRequestedFor(urlPathEqualTo(ORDER)));
    }

    @Test
    @DisplayName("a size finer than the market's step is REJECTED as an invalid size, from new_order_failure_reason")
    void invalidSize() {
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS))).willReturn(body("create-order-invalid-size.json")));

        assertThatThrownBy(() -> client.place(KEYS.credentials(),
                order(OrderSide.BUY, OrderType.MARKET, "0.000000001", null)))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("invalid size", "INVALID_SIZE_PRECISION");
                });
    }

    @Test
    @DisplayName("placing the same client order id again answers the first order's state: Coinbase returns that order")
    void retryAnswersTheFirstOrder() {
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS))).willReturn(body("create-order-market-buy.json")));
        coinbase.stubFor(signed(get(urlPathEqualTo(ORDER))).willReturn(body("get-order-market-filled.json")));
        var key = KEYS.credentials();

        Fill first = client.place(key, order(OrderSide.BUY, OrderType.MARKET, "0.001", null));
        Fill retry = client.place(key, order(OrderSide.BUY, OrderType.MARKET, "0.001", null));

        assertThat(retry).isEqualTo(first);
        assertThat(coinbase.findAll(postRequestedFor(urlPathEqualTo(ORDERS))))
                .extracting(r -> Json.readTree(r.getBodyAsString()).orElseThrow().path("client_order_id").asText())
                .containsExactly(CID, CID);
        coinbase.verify(2, getRequestedFor(urlPathEqualTo(ORDER)));
    }

    @Test
    @DisplayName("a refusal naming a duplicate client order id is looked up and answers that order, with one placement")
    void duplicateRefusalIsLookedUp() {
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS))).willReturn(body("create-order-duplicate-client-order-id.json")));
        stubOpenOrders("list-orders-empty.json");
        stubHistory("list-orders-market-filled.json");

        Fill fill = client.place(KEYS.credentials(), order(OrderSide.BUY, OrderType.MARKET, "0.001", null));

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.quantity()).isEqualByComparingTo("0.001");
        assertThat(fill.price()).isEqualByComparingTo("61250.5");
        coinbase.verify(1, postRequestedFor(urlPathEqualTo(ORDERS)));
    }

    @Test
    @DisplayName("no answer in time is UNKNOWN; the look-up by client order id then finds the order Coinbase placed")
    void timeoutThenLookupFindsIt() {
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS)))
                .willReturn(body("create-order-market-buy.json").withFixedDelay(1500)));
        stubOpenOrders("list-orders-empty.json");
        stubHistory("list-orders-market-filled.json");
        var key = KEYS.credentials();

        BrokerException timeout = catchThrowableOfType(BrokerException.class,
                () -> impatient.place(key, order(OrderSide.BUY, OrderType.MARKET, "0.001", null)));
        Optional<Fill> found = client.lookup(key, "BTC-USD", CID);

        assertThat(timeout.kind()).isEqualTo(BrokerException.Kind.UNKNOWN);
        assertThat(found).hasValueSatisfying(f -> {
            assertThat(f.clientOrderId()).isEqualTo(CID);
            assertThat(f.status()).isEqualTo(Fill.Status.FILLED);
            assertThat(f.price()).isEqualByComparingTo("61250.5");
            // The list holds another order too: the id is the one placed under our client order id.
            assertThat(f.venueOrderId()).isEqualTo(VENUE_ORDER_ID);
        });
        coinbase.verify(1, postRequestedFor(urlPathEqualTo(ORDERS)));
    }

    @Test
    @DisplayName("no answer in time, and Coinbase lists no such order: the look-up is empty, so placing again is safe")
    void timeoutThenLookupFindsNothing() {
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS)))
                .willReturn(aResponse().withStatus(503).withFixedDelay(1500)));
        stubOpenOrders("list-orders-empty.json");
        stubHistory("list-orders-empty.json");
        var key = KEYS.credentials();

        assertThatThrownBy(() -> impatient.place(key, order(OrderSide.BUY, OrderType.MARKET, "0.001", null)))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNKNOWN));
        assertThat(client.lookup(key, "BTC-USD", CID)).isEmpty();
    }

    @Test
    @DisplayName("a 429 is a rate limit with Coinbase's one-second default (or its Retry-After); the next call places")
    void rateLimitedThenPlaced() {
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS))).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withBody("Too Many Requests")).willSetStateTo("limited"));
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS))).inScenario("limit").whenScenarioStateIs("limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("cooled"));
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS))).inScenario("limit").whenScenarioStateIs("cooled")
                .willReturn(body("create-order-market-buy.json")));
        coinbase.stubFor(signed(get(urlPathEqualTo(ORDER))).willReturn(body("get-order-market-filled.json")));
        var key = KEYS.credentials();
        VenueOrder order = order(OrderSide.BUY, OrderType.MARKET, "0.001", null);

        VenueRateLimitedException first = catchThrowableOfType(VenueRateLimitedException.class,
                () -> client.place(key, order));
        VenueRateLimitedException second = catchThrowableOfType(VenueRateLimitedException.class,
                () -> client.place(key, order));
        Fill fill = client.place(key, order);

        assertThat(first.kind()).isEqualTo(BrokerException.Kind.NOT_PLACED);
        assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(second.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
    }

    @Test
    @DisplayName("a 5xx on a place is UNKNOWN: Coinbase may have placed it")
    void serverErrorIsUnknown() {
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS))).willReturn(serverError().withBody("upstream error")));

        assertThatThrownBy(() -> client.place(KEYS.credentials(), order(OrderSide.BUY, OrderType.MARKET, "0.001", null)))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNKNOWN);
                    assertThat(e.getMessage()).contains("HTTP 500");
                });
    }

    @Test
    @DisplayName("a key signed with another private key is refused by Coinbase's 401: REJECTED, nothing placed")
    void wrongKeyIsRefused() {
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS))).willReturn(body("create-order-market-buy.json")));
        CoinbaseTestKeys impostor = new CoinbaseTestKeys(KEYS.keyName(), CoinbaseTestKeys.pair("secp256r1"));

        assertThatThrownBy(() -> client.place(impostor.credentials(), order(OrderSide.BUY, OrderType.MARKET, "0.001", null)))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("HTTP 401");
                });
        coinbase.verify(0, getRequestedFor(urlPathEqualTo(ORDER)));
    }

    @Test
    @DisplayName("a key that may trade and transfer checks ok, with a warning about transfers")
    void keyThatCanTransfer() {
        coinbase.stubFor(signed(get(urlPathEqualTo("/api/v3/brokerage/key_permissions")))
                .willReturn(body("key-permissions-trade-transfer.json")));

        KeyCheck check = client.check(KEYS.credentials());

        assertThat(check.ok()).isTrue();
        assertThat(check.permissions()).containsExactly("view", "trade", "transfer");
        assertThat(check.problems()).singleElement().asString().startsWith("warning:").contains("transfer");
    }

    @Test
    @DisplayName("a view-only key does not check ok: it cannot trade")
    void viewOnlyKey() {
        coinbase.stubFor(signed(get(urlPathEqualTo("/api/v3/brokerage/key_permissions")))
                .willReturn(body("key-permissions-view-only.json")));

        KeyCheck check = client.check(KEYS.credentials());

        assertThat(check.ok()).isFalse();
        assertThat(check.permissions()).containsExactly("view");
        assertThat(check.problems()).containsExactly("error: the key cannot trade (no trade permission)");
    }

    @Test
    @DisplayName("a key Coinbase refuses is reported, not thrown")
    void refusedKeyIsReported() {
        coinbase.stubFor(signed(get(urlPathEqualTo("/api/v3/brokerage/key_permissions")))
                .willReturn(body("key-permissions-trade-transfer.json")));
        CoinbaseTestKeys impostor = new CoinbaseTestKeys(KEYS.keyName(), CoinbaseTestKeys.pair("secp256r1"));

        KeyCheck check = client.check(impostor.credentials());

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).singleElement().asString().startsWith("error:").contains("HTTP 401");
    }

    @Test
    @DisplayName("a private key that is not one is reported as invalid, never echoed, and nothing is sent")
    void invalidPrivateKey() {
        String pasted = "-----BEGIN EC PRIVATE KEY-----\nnot-a-key-SECRETPART\n-----END EC PRIVATE KEY-----\n";

        KeyCheck check = client.check(KEYS.credentials(pasted));

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).singleElement().asString().contains("invalid private key")
                .doesNotContain("SECRETPART");
        coinbase.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    @DisplayName("market rules come from the public product: minimum size, size step, price tick, minimum notional")
    void rules() {
        coinbase.stubFor(get(urlPathEqualTo("/api/v3/brokerage/market/products/BTC-USD"))
                .willReturn(body("product-btc-usd.json")));

        VenueRules rules = client.rules("BTC-USD");

        assertThat(rules.venueSymbol()).isEqualTo("BTC-USD");
        assertThat(rules.minSize()).isEqualByComparingTo("0.00000001");
        assertThat(rules.sizeStep()).isEqualByComparingTo("0.00000001");
        assertThat(rules.tick()).isEqualByComparingTo("0.01");
        assertThat(rules.minNotional()).isEqualByComparingTo("1");
        assertThat(coinbase.findAll(getRequestedFor(urlPathEqualTo("/api/v3/brokerage/market/products/BTC-USD"))))
                .allSatisfy(r -> assertThat(r.containsHeader("Authorization")).isFalse());
    }

    @Test
    @DisplayName("the account sums each currency's accounts (available + hold) over every page, and lists open orders")
    void account() {
        coinbase.stubFor(signed(get(urlPathEqualTo("/api/v3/brokerage/accounts"))).withQueryParam("cursor", absent())
                .willReturn(body("accounts-page-1.json")));
        coinbase.stubFor(signed(get(urlPathEqualTo("/api/v3/brokerage/accounts")))
                .withQueryParam("cursor", equalTo("789100")).willReturn(body("accounts-page-2.json")));
        coinbase.stubFor(signed(get(urlPathEqualTo(LIST))).withQueryParam("order_status", equalTo("OPEN"))
                .withQueryParam("cursor", absent()).willReturn(body("list-orders-open-page-1.json")));
        coinbase.stubFor(signed(get(urlPathEqualTo(LIST))).withQueryParam("order_status", equalTo("OPEN"))
                .withQueryParam("cursor", equalTo("f0e1d2c3b4a5")).willReturn(body("list-orders-open-page-2.json")));

        VenueAccount account = client.account(KEYS.credentials());

        assertThat(account.balances()).containsOnlyKeys("BTC", "USD");
        assertThat(account.balances().get("BTC")).isEqualByComparingTo("0.61");
        assertThat(account.balances().get("USD")).isEqualByComparingTo("1060.61");
        assertThat(account.openOrders()).hasSize(2);
        VenueAccount.OpenOrder ours = account.openOrders().get(0);
        assertThat(ours.clientOrderId()).isEqualTo(CID);
        assertThat(ours.venueOrderId()).isEqualTo(VENUE_ORDER_ID);
        assertThat(ours.venueSymbol()).isEqualTo("BTC-USD");
        assertThat(ours.side()).isEqualTo(OrderSide.BUY);
        assertThat(ours.quantity()).isEqualByComparingTo("0.001");
        assertThat(ours.limitPrice()).isEqualByComparingTo("60000");
        VenueAccount.OpenOrder manual = account.openOrders().get(1);
        assertThat(manual.clientOrderId()).as("an order NIJA did not place").isEmpty();
        assertThat(manual.venueSymbol()).isEqualTo("ETH-USD");
        assertThat(manual.filledQuantity()).isEqualByComparingTo("0.1");
    }

    @Test
    @DisplayName("cancel finds the open order by client order id and cancels it by Coinbase's id")
    void cancelsRestingOrder() {
        stubOpenOrders("list-orders-limit-open.json");
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS + "/batch_cancel")))
                .withRequestBody(equalToJson("{\"order_ids\": [\"" + VENUE_ORDER_ID + "\"]}"))
                .willReturn(body("batch-cancel-success.json")));

        assertThat(client.cancel(KEYS.credentials(), "BTC-USD", CID)).isTrue();
    }

    @Test
    @DisplayName("cancel answers false when nothing is open under the id, or when it filled meanwhile")
    void nothingToCancel() {
        stubOpenOrders("list-orders-empty.json");
        var key = KEYS.credentials();

        boolean noneOpen = client.cancel(key, "BTC-USD", CID);
        stubOpenOrders("list-orders-limit-open.json");
        coinbase.stubFor(signed(post(urlPathEqualTo(ORDERS + "/batch_cancel")))
                .willReturn(body("batch-cancel-already-filled.json")));
        boolean filledMeanwhile = client.cancel(key, "BTC-USD", CID);

        assertThat(noneOpen).isFalse();
        assertThat(filledMeanwhile).isFalse();
        coinbase.verify(1, postRequestedFor(urlPathEqualTo(ORDERS + "/batch_cancel")));
    }

    @Test
    @DisplayName("every request carries a fresh JWT: a second request has another nonce")
    void freshJwtPerRequest() {
        coinbase.stubFor(signed(get(urlPathEqualTo("/api/v3/brokerage/key_permissions")))
                .willReturn(body("key-permissions-trade-transfer.json")));
        var key = KEYS.credentials();

        client.check(key);
        client.check(key);

        assertThat(authorizations()).hasSize(2)
                .extracting(a -> CoinbaseJwtCheck.header(a).path("nonce").asText())
                .doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a JWT reused — on its own path or another — is refused by the stub's check")
    void reusedJwtIsRefused() throws Exception {
        coinbase.stubFor(signed(get(urlPathEqualTo("/api/v3/brokerage/key_permissions")))
                .willReturn(body("key-permissions-trade-transfer.json")));
        coinbase.stubFor(signed(get(urlPathEqualTo("/api/v3/brokerage/accounts"))).willReturn(body("accounts-page-2.json")));
        assertThat(client.check(KEYS.credentials()).ok()).isTrue();
        String used = authorizations().get(0);

        int samePath = rawGet("/api/v3/brokerage/key_permissions", used);
        int otherPath = rawGet("/api/v3/brokerage/accounts", used);

        assertThat(CoinbaseJwtCheck.claims(used).path("uri").asText())
                .isEqualTo("GET localhost:" + coinbase.getPort() + "/api/v3/brokerage/key_permissions");
        assertThat(samePath).isEqualTo(401);
        assertThat(otherPath).isEqualTo(401);
    }

    private MappingBuilder signed(MappingBuilder stub) {
        return stub.andMatching(signed);
    }

    private void stubOpenOrders(String resource) {
        coinbase.stubFor(signed(get(urlPathEqualTo(LIST))).withQueryParam("product_ids", equalTo("BTC-USD"))
                .withQueryParam("order_status", equalTo("OPEN")).willReturn(body(resource)));
    }

    private void stubHistory(String resource) {
        coinbase.stubFor(signed(get(urlPathEqualTo(LIST))).withQueryParam("product_ids", equalTo("BTC-USD"))
                .withQueryParam("order_status", absent()).willReturn(body(resource)));
    }

    /** The Authorization headers the stub received, oldest first. */
    private List<String> authorizations() {
        List<String> newestFirst = coinbase.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .map(r -> r.getHeader("Authorization")).collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private int rawGet(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(coinbase.baseUrl() + path))
                .header("Authorization", authorization).GET().build();
        return http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static VenueOrder order(OrderSide side, OrderType type, String quantity, String limit) {
        return new VenueOrder(ORDER_ID_NIJA, CID, "BTC-USD", side, type, new BigDecimal(quantity),
                limit == null ? null : new BigDecimal(limit));
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static ResponseDefinitionBuilder body(String resource) {
        try (InputStream in = CoinbaseClientContractTest.class.getResourceAsStream("/venues/coinbase/" + resource)) {
            if (in == null) throw new IllegalArgumentException("no resource " + resource);
            return okJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
