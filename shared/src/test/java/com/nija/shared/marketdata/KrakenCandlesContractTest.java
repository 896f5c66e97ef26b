package com.nija.shared.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Kraken Spot REST "Get OHLC Data" (Market Data), stubbed with its documented shape and error envelope. */
class KrakenCandlesContractTest {
    private static final String PATH = "/0/public/OHLC";
    private static final Instant FROM = Instant.ofEpochSecond(1688671200);
    private static final Instant NOW = Instant.ofEpochSecond(1688671900);

    private final MarketDataStub stub = new MarketDataStub();
    private final KrakenCandles kraken = new KrakenCandles(stub.url(), stub.http, stub.instruments);

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    @DisplayName("5-minute OHLC bars of XBTUSD are read as BTC-USD candles, the forming last bar left out")
    void readsClosedBars() {
        stub.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody(MarketDataStub.body("kraken-ohlc.json"))));

        List<Candle> candles = kraken.closedCandles("BTC-USD", CandleInterval.FIVE_MINUTES, FROM, NOW, NOW);

        assertThat(candles).extracting(Candle::openTime)
                .containsExactly(Instant.ofEpochSecond(1688671200), Instant.ofEpochSecond(1688671500));
        assertThat(candles.get(0).volume()).isEqualByComparingTo("3.39243896");
        assertThat(candles.get(1).high()).isEqualByComparingTo("30310.0");
        stub.server.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("pair", equalTo("XBTUSD"))
                .withQueryParam("interval", equalTo("5")).withQueryParam("since", equalTo("1688671199")));
    }

    @Test
    @DisplayName("Kraken's rate-limit error (HTTP 200, EAPI:Rate limit exceeded) is a rate limit, not data")
    void rateLimitEnvelope() {
        stub.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody(MarketDataStub.body("kraken-rate-limited.json"))));

        assertThatThrownBy(() -> kraken.closedCandles("BTC-USD", CandleInterval.FIVE_MINUTES, FROM, NOW, NOW))
                .isInstanceOf(MarketDataRateLimitedException.class);
    }
}
