package com.nija.shared.venues.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.nija.shared.venues.binance.BinanceStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueOrder;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signed requests when our clock and Binance's disagree (rest-api.md "Timing security": Binance processes a request
 * only if {@code timestamp < serverTime + 1000} and {@code serverTime - timestamp <= recvWindow}, else -1021). The
 * stub's clock is the test clock plus a skew; it refuses by that rule, independently of the client.
 */
class BinanceServerTimeContractTest {
    private static final BinanceStub BINANCE = new BinanceStub();
    private static final HttpClient JDK = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String ORDER_ID = "o-0000000000000000000b0001";

    private BinanceClient client;
    private StubMapping accepted;

    @BeforeEach
    void setUp() {
        BINANCE.reset();
        client = new BinanceClient(new VenueHttp(JDK, Duration.ofSeconds(5)), BINANCE.env(), BINANCE.clock);
        accepted = BINANCE.signed(post(urlPathEqualTo("/api/v3/order"))
                .withFormParam("newClientOrderId", equalTo(ORDER_ID)), json(200, "order-market-buy-filled.json"));
    }

    @AfterAll
    static void stop() {
        BINANCE.close();
    }

    /**
     * Our clock 3 s fast (Binance 3 s behind: the timestamp is more than 1 s ahead of its clock) or 7 s slow (Binance
     * 7 s ahead: older than the 5000 ms recvWindow): refused, re-synced, placed once.
     */
    @ParameterizedTest(name = "Binance {0} ms from our clock")
    @ValueSource(longs = {-3000, 7000})
    @DisplayName("a -1021 re-syncs with Binance's clock and sends the order once more: exactly one order placed")
    void refusedTimestampResyncs(long skewMillis) {
        BINANCE.skew(Duration.ofMillis(skewMillis));

        Fill fill = client.place(BinanceStub.key(), order());

        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(BINANCE.received("POST", "/api/v3/order")).isEqualTo(2);
        assertThat(BINANCE.served(accepted)).isEqualTo(1);
        assertThat(BINANCE.received("GET", "/api/v3/time")).isEqualTo(1);
    }

    @Test
    @DisplayName("Binance 3 s ahead is inside the 5000 ms recvWindow: accepted at once, no re-sync")
    void smallLagNeedsNoResync() {
        BINANCE.skew(Duration.ofSeconds(3));

        client.place(BinanceStub.key(), order());

        assertThat(BINANCE.received("POST", "/api/v3/order")).isEqualTo(1);
        assertThat(BINANCE.received("GET", "/api/v3/time")).isZero();
    }

    @Test
    @DisplayName("a learned offset is reused: later signed requests carry Binance's time and need no second -1021")
    void learnedOffsetIsReused() {
        BINANCE.skew(Duration.ofSeconds(-3));
        client.place(BinanceStub.key(), order());
        BINANCE.signed(get(urlPathEqualTo("/api/v3/account")), json(200, "account.json"));
        BINANCE.signed(get(urlPathEqualTo("/api/v3/openOrders")), json(200, "open-orders.json"));

        client.account(BinanceStub.key());

        assertThat(BINANCE.received("GET", "/api/v3/account")).isEqualTo(1);
        assertThat(BINANCE.received("GET", "/api/v3/time")).isEqualTo(1);
    }

    @Test
    @DisplayName("an offset older than ten minutes is learned again before the next signed request, which passes")
    void staleOffsetIsRelearned() {
        BINANCE.skew(Duration.ofSeconds(-3));
        client.place(BinanceStub.key(), order());
        BINANCE.skew(Duration.ofSeconds(-9)); // Binance's clock drifted further
        BINANCE.clock.advance(BinanceServerTime.MAX_AGE.plusSeconds(1));

        client.place(BinanceStub.key(), order());

        assertThat(BINANCE.received("GET", "/api/v3/time")).isEqualTo(2);
        assertThat(BINANCE.received("POST", "/api/v3/order")).isEqualTo(3); // refused + accepted, then accepted
        assertThat(BINANCE.served(accepted)).isEqualTo(2);
    }

    @Test
    @DisplayName("an offset too old to trust and a clock that cannot be read: NOT_PLACED, the order never sent")
    void staleOffsetUnreadable() {
        BINANCE.skew(Duration.ofSeconds(-3));
        client.place(BinanceStub.key(), order());
        BINANCE.clock.advance(BinanceServerTime.MAX_AGE.plusSeconds(1));
        BINANCE.open(get(urlPathEqualTo("/api/v3/time")), aResponse().withStatus(500));

        assertThatThrownBy(() -> client.place(BinanceStub.key(), order()))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_PLACED));
        assertThat(BINANCE.received("POST", "/api/v3/order")).isEqualTo(2); // the first order's refusal and retry
    }

    @Test
    @DisplayName("if Binance's clock cannot be read after a -1021, nothing was placed: NOT_PLACED")
    void resyncFailsNotPlaced() {
        BINANCE.skew(Duration.ofSeconds(-3));
        BINANCE.open(get(urlPathEqualTo("/api/v3/time")), aResponse().withStatus(502));

        assertThatThrownBy(() -> client.place(BinanceStub.key(), order()))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_PLACED));
        assertThat(BINANCE.served(accepted)).isZero();
    }

    @Test
    @DisplayName("a second -1021 after re-syncing is NOT_PLACED, and the request is not sent a third time")
    void secondRefusalNotPlaced() {
        BINANCE.skew(Duration.ofSeconds(-3));
        // Binance's time endpoint disagrees with the clock it checks timestamps by.
        BINANCE.open(get(urlPathEqualTo("/api/v3/time")),
                aResponse().withStatus(200).withBody("{\"serverTime\":" + BINANCE.clock.millis() + "}"));

        assertThatThrownBy(() -> client.place(BinanceStub.key(), order()))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_PLACED);
                    assertThat(e.getMessage()).contains("timestamp");
                });
        assertThat(BINANCE.received("POST", "/api/v3/order")).isEqualTo(2);
    }

    private static VenueOrder order() {
        return new VenueOrder(ORDER_ID, ORDER_ID, "BTCUSDT", OrderSide.BUY, OrderType.MARKET, new BigDecimal("0.0015"),
                null);
    }
}
