package com.nija.shared.venues.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.nija.shared.venues.binance.BinanceStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.order.OrderSide;
import com.nija.shared.venues.KeyCheck;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueAccount;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Key checks, market rules and the account against a stub of Binance's documented endpoints: Wallet "Get API Key
 * Permission" ({@code /sapi/v1/account/apiRestrictions}), rest-api.md "Account information", "Current open orders",
 * "Exchange information" and filters.md.
 */
class BinanceAccountContractTest {
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
    @DisplayName("a key that can trade and withdraw is ok, with a warning about withdrawals")
    void tradeAndWithdraw() {
        BINANCE.signed(get(urlPathEqualTo("/sapi/v1/account/apiRestrictions")),
                json(200, "api-restrictions-trade-withdraw.json"));

        KeyCheck check = client.check(BinanceStub.key());

        assertThat(check.ok()).isTrue();
        assertThat(check.permissions()).containsExactly("read", "trade", "withdraw", "ip-restricted");
        assertThat(check.problems()).singleElement().asString().startsWith("warning:").contains("withdraw");
    }

    @Test
    @DisplayName("a read-only key is not ok: it cannot trade")
    void readOnly() {
        BINANCE.signed(get(urlPathEqualTo("/sapi/v1/account/apiRestrictions")),
                json(200, "api-restrictions-read-only.json"));

        KeyCheck check = client.check(BinanceStub.key());

        assertThat(check.ok()).isFalse();
        assertThat(check.permissions()).containsExactly("read");
        assertThat(check.problems()).singleElement().asString().startsWith("error:").contains("cannot trade");
    }

    @Test
    @DisplayName("a key Binance does not know is reported, never thrown")
    void unknownKey() {
        BINANCE.signed(get(urlPathEqualTo("/sapi/v1/account/apiRestrictions")),
                json(200, "api-restrictions-trade-withdraw.json"));
        VenueCredentials stranger = new VenueCredentials(Venue.BINANCE,
                Map.of("apiKey", "someoneElsesKey", "apiSecret", BinanceStub.SECRET), false);

        KeyCheck check = client.check(stranger);

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).singleElement().asString().startsWith("error:").contains("-2015");
    }

    @Test
    @DisplayName("a wrong secret is reported as a bad signature, never thrown and never shown")
    void wrongSecret() {
        BINANCE.signed(get(urlPathEqualTo("/sapi/v1/account/apiRestrictions")),
                json(200, "api-restrictions-trade-withdraw.json"));
        String wrong = "x" + BinanceStub.SECRET.substring(1);

        KeyCheck check = client.check(BinanceStub.key(wrong, false));

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).singleElement().asString().contains("signature").doesNotContain(wrong);
    }

    @Test
    @DisplayName("a testnet key is checked through /api/v3/account, since the testnet has no /sapi")
    void testnetFallsBackToAccount() {
        BINANCE.signed(get(urlPathEqualTo("/api/v3/account")), json(200, "account.json"));

        KeyCheck check = client.check(BinanceStub.key(BinanceStub.SECRET, true));

        assertThat(check.ok()).isTrue();
        assertThat(check.permissions()).containsExactly("read", "trade");
        assertThat(check.problems()).isEmpty();
        assertThat(BINANCE.received("GET", "/sapi/v1/account/apiRestrictions")).isZero();
    }

    @Test
    @DisplayName("Binance unreachable during a check is reported as an error, not thrown")
    void checkWhenDown() {
        BINANCE.signed(get(urlPathEqualTo("/sapi/v1/account/apiRestrictions")), aResponse().withStatus(503));

        KeyCheck check = client.check(BinanceStub.key());

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).singleElement().asString().startsWith("error: could not check the key");
    }

    @Test
    @DisplayName("BTCUSDT's rules come from LOT_SIZE, PRICE_FILTER and NOTIONAL")
    void rules() {
        VenueRules rules = client.rules("BTCUSDT");

        assertThat(rules.venueSymbol()).isEqualTo("BTCUSDT");
        assertThat(rules.minSize()).isEqualByComparingTo("0.00001");
        assertThat(rules.sizeStep()).isEqualByComparingTo("0.00001");
        assertThat(rules.tick()).isEqualByComparingTo("0.01");
        assertThat(rules.minNotional()).isEqualByComparingTo("5");
        assertThat(rules.roundSize(new BigDecimal("0.0012345"))).isEqualByComparingTo("0.00123");
    }

    @Test
    @DisplayName("a market with the older MIN_NOTIONAL filter reads its minimum notional from it")
    void rulesWithMinNotional() {
        BINANCE.open(get(urlPathEqualTo("/api/v3/exchangeInfo")).withQueryParam("symbol", equalTo("BNBBTC")),
                json(200, "exchange-info-bnbbtc-min-notional.json"));

        VenueRules rules = client.rules("BNBBTC");

        assertThat(rules.minSize()).isEqualByComparingTo("0.001");
        assertThat(rules.tick()).isEqualByComparingTo("0.000001");
        assertThat(rules.minNotional()).isEqualByComparingTo("0.001");
    }

    @Test
    @DisplayName("rules of a symbol Binance does not list are REJECTED as an invalid symbol")
    void rulesOfUnknownSymbol() {
        BINANCE.open(get(urlPathEqualTo("/api/v3/exchangeInfo")).withQueryParam("symbol", equalTo("NOPEUSDT")),
                json(400, "errors/invalid-symbol.json"));

        assertThatThrownBy(() -> client.rules("NOPEUSDT"))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("invalid symbol");
                });
    }

    @Test
    @DisplayName("the account holds free plus locked per asset, zero balances left out, and its open orders")
    void account() {
        BINANCE.signed(get(urlPathEqualTo("/api/v3/account")).withQueryParam("omitZeroBalances", equalTo("true")),
                json(200, "account.json"));
        BINANCE.signed(get(urlPathEqualTo("/api/v3/openOrders")), json(200, "open-orders.json"));

        VenueAccount account = client.account(BinanceStub.key());

        assertThat(account.balances()).containsOnlyKeys("BTC", "USDT");
        assertThat(account.balances().get("BTC")).isEqualByComparingTo("0.016");
        assertThat(account.balances().get("USDT")).isEqualByComparingTo("1310.75");
        assertThat(account.openOrders()).hasSize(2);
        VenueAccount.OpenOrder ours = account.openOrders().get(0);
        assertThat(ours.clientOrderId()).isEqualTo("o-0000000000000000000b0005");
        assertThat(ours.venueOrderId()).isEqualTo("28457105");
        assertThat(ours.side()).isEqualTo(OrderSide.BUY);
        assertThat(ours.quantity()).isEqualByComparingTo("0.001");
        assertThat(ours.limitPrice()).isEqualByComparingTo("60000");
        VenueAccount.OpenOrder foreign = account.openOrders().get(1);
        assertThat(foreign.clientOrderId()).isEmpty();
        assertThat(foreign.venueSymbol()).isEqualTo("ETHUSDT");
        assertThat(foreign.filledQuantity()).isEqualByComparingTo("0.1");
    }
}
