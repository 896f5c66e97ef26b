package com.nija.shared.venues.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.nija.shared.venues.binance.BinanceStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.venues.VenueHttp;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Looking orders up and cancelling them against a stub of Binance's documented endpoints (rest-api.md "Query order
 * (USER_DATA)", "Account trade list (USER_DATA)", "Cancel order (TRADE)"; errors.md -2013, -2011).
 */
class BinanceLookupContractTest {
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
    @DisplayName("an order still on the book is RESTING with its size and limit, and no trades are read")
    void openOrderRests() {
        BINANCE.signed(query("o-0000000000000000000b0005"), json(200, "query-order-new.json"));

        Fill fill = client.lookup(BinanceStub.key(), "BTCUSDT", "o-0000000000000000000b0005").orElseThrow();

        assertThat(fill.status()).isEqualTo(Fill.Status.RESTING);
        assertThat(fill.quantity()).isEqualByComparingTo("0.001");
        assertThat(fill.price()).isEqualByComparingTo("60000");
        assertThat(fill.venueOrderId()).isEqualTo("28457105");
        assertThat(BINANCE.received("GET", "/api/v3/myTrades")).isZero();
    }

    @Test
    @DisplayName("a filled order is FILLED with its fee read from its trades, at its last update")
    void filledOrderWithTrades() {
        BINANCE.signed(query("o-0000000000000000000b0007"), json(200, "query-order-filled.json"));
        BINANCE.signed(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .withQueryParam("orderId", equalTo("28457107")), json(200, "my-trades.json"));

        Fill fill = client.lookup(BinanceStub.key(), "BTCUSDT", "o-0000000000000000000b0007").orElseThrow();

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.quantity()).isEqualByComparingTo("0.0015");
        assertThat(fill.price()).isEqualByComparingTo("67003.33333333");
        assertThat(fill.fee()).isEqualByComparingTo("0.100505");
        assertThat(fill.at()).isEqualTo(Instant.ofEpochMilli(1939377600123L));
        assertThat(fill.venueOrderId()).isEqualTo("28457107");
    }

    @Test
    @DisplayName("a filled order whose trades Binance has not listed yet is UNKNOWN, not a fill without its fee")
    void filledOrderWithoutTradesYet() {
        BINANCE.signed(query("o-0000000000000000000b0007"), json(200, "query-order-filled.json"));
        BINANCE.signed(get(urlPathEqualTo("/api/v3/myTrades")),
                okJson("[]"));

        assertThatThrownBy(() -> client.lookup(BinanceStub.key(), "BTCUSDT", "o-0000000000000000000b0007"))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNKNOWN));
    }

    @Test
    @DisplayName("an order cancelled with nothing filled holds nothing: the lookup is empty")
    void cancelledEmptyOrderIsNone() {
        BINANCE.signed(query("o-0000000000000000000b0008"), json(200, "query-order-canceled-empty.json"));

        assertThat(client.lookup(BinanceStub.key(), "BTCUSDT", "o-0000000000000000000b0008")).isEmpty();
    }

    @Test
    @DisplayName("-2013 \"Order does not exist.\" is an empty lookup")
    void noSuchOrder() {
        BINANCE.signed(query("o-0000000000000000000b0009"), json(400, "errors/no-such-order.json"));

        assertThat(client.lookup(BinanceStub.key(), "BTCUSDT", "o-0000000000000000000b0009")).isEmpty();
    }

    @Test
    @DisplayName("cancelling a resting order answers true")
    void cancelResting() {
        StubMapping cancelled = BINANCE.signed(delete(urlPathEqualTo("/api/v3/order"))
                .withQueryParam("symbol", equalTo("BTCUSDT"))
                .withQueryParam("origClientOrderId", equalTo("o-0000000000000000000b0005")),
                json(200, "cancel-order.json"));

        assertThat(client.cancel(BinanceStub.key(), "BTCUSDT", "o-0000000000000000000b0005")).isTrue();
        assertThat(BINANCE.served(cancelled)).isEqualTo(1);
    }

    @Test
    @DisplayName("cancelling an order Binance does not have open (-2011) answers false")
    void cancelUnknown() {
        BINANCE.signed(delete(urlPathEqualTo("/api/v3/order")), json(400, "errors/unknown-order.json"));

        assertThat(client.cancel(BinanceStub.key(), "BTCUSDT", "o-0000000000000000000b0005")).isFalse();
    }

    @Test
    @DisplayName("a cancel refused for the key (-2015) is an error, not \"nothing open\"")
    void cancelWithBadKey() {
        BINANCE.signed(delete(urlPathEqualTo("/api/v3/order")), json(401, "errors/invalid-key.json"));

        assertThatThrownBy(() -> client.cancel(BinanceStub.key(), "BTCUSDT", "o-0000000000000000000b0005"))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED));
    }

    private static MappingBuilder query(String clientOrderId) {
        return get(urlPathEqualTo("/api/v3/order")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .withQueryParam("origClientOrderId", equalTo(clientOrderId));
    }
}
