package com.nija.shared.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Coinbase Advanced Trade "Get Public Product Candles" (REST API reference, Public), stubbed with its documented shape. */
class CoinbaseCandlesContractTest {
    private static final String PATH = "/api/v3/brokerage/market/products/BTC-USD/candles";
    private static final Instant FROM = Instant.ofEpochSecond(1712188800);
    private static final Instant NOW = Instant.ofEpochSecond(1712197000);

    private final MarketDataStub stub = new MarketDataStub();
    private final CoinbaseCandles coinbase = new CoinbaseCandles(stub.url(), stub.http, stub.instruments);

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    @DisplayName("closed hourly candles come back oldest first, the one still forming is left out")
    void readsClosedCandles() {
        stub.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody(MarketDataStub.body("coinbase-candles.json"))));

        List<Candle> candles = coinbase.closedCandles("BTC-USD", CandleInterval.ONE_HOUR, FROM, NOW, NOW);

        assertThat(candles).extracting(Candle::openTime)
                .containsExactly(Instant.ofEpochSecond(1712188800), Instant.ofEpochSecond(1712192400));
        assertThat(candles.get(1).close()).isEqualByComparingTo("66181.6");
        assertThat(candles.get(0).volume()).isEqualByComparingTo(new BigDecimal("358.74851052"));
        stub.server.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("granularity", equalTo("ONE_HOUR"))
                .withQueryParam("start", equalTo("1712188800")).withQueryParam("end", equalTo("1712197000")));
    }

    @Test
    @DisplayName("a 429 is waited out for its Retry-After and the request repeated")
    void backsOffOn429() {
        stub.server.stubFor(get(urlPathEqualTo(PATH)).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("calm"));
        stub.server.stubFor(get(urlPathEqualTo(PATH)).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody(MarketDataStub.body("coinbase-candles.json"))));

        List<Candle> candles = coinbase.closedCandles("BTC-USD", CandleInterval.ONE_HOUR, FROM, NOW, NOW);

        assertThat(candles).hasSize(2);
        assertThat(stub.waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("a venue that keeps answering 429 is given up on after three doubling waits")
    void givesUpAfterRetries() {
        stub.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)));

        assertThatThrownBy(() -> coinbase.closedCandles("BTC-USD", CandleInterval.ONE_HOUR, FROM, NOW, NOW))
                .isInstanceOf(MarketDataRateLimitedException.class);
        assertThat(stub.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(stub.server.getAllServeEvents()).hasSize(4);
    }

    @Test
    @DisplayName("a market Coinbase does not list is refused without a request")
    void unlistedMarket() {
        assertThatThrownBy(() -> coinbase.closedCandles("BTC-USDT", CandleInterval.ONE_HOUR, FROM, NOW, NOW))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("not listed on coinbase");
        assertThat(stub.server.getAllServeEvents()).isEmpty();
    }
}
