package com.nija.shared.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Binance Spot "Kline/Candlestick data" (Market Data endpoints), stubbed with the docs' example row and error body. */
class BinanceCandlesContractTest {
    private static final String PATH = "/api/v3/klines";
    private static final Instant FROM = Instant.ofEpochMilli(1499040000000L);

    private final MarketDataStub stub = new MarketDataStub();
    private final BinanceCandles binance = new BinanceCandles(stub.url(), stub.http, stub.instruments);

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    @DisplayName("klines of BTCUSDT are read as BTC-USDT candles; a bar that has not closed by now is left out")
    void readsKlines() {
        stub.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody(MarketDataStub.body("binance-klines.json"))));
        Instant now = FROM.plus(Duration.ofMinutes(14));

        List<Candle> candles = binance.closedCandles("BTC-USDT", CandleInterval.FIVE_MINUTES, FROM, now, now);

        assertThat(candles).extracting(Candle::openTime).containsExactly(FROM, FROM.plus(Duration.ofMinutes(5)));
        assertThat(candles.get(0).high()).isEqualByComparingTo("0.80000000");
        stub.server.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("symbol", equalTo("BTCUSDT"))
                .withQueryParam("interval", equalTo("5m")).withQueryParam("startTime", equalTo("1499040000000"))
                .withQueryParam("limit", equalTo("1000")));
    }

    @Test
    @DisplayName("a range longer than 1,000 bars is asked for in windows of 1,000")
    void pagesLongRanges() {
        stub.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("[]")));
        Instant to = FROM.plus(Duration.ofMinutes(5L * 1500));

        binance.closedCandles("BTC-USDT", CandleInterval.FIVE_MINUTES, FROM, to, to.plus(Duration.ofDays(1)));

        stub.server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
        stub.server.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("startTime",
                equalTo(Long.toString(FROM.plus(Duration.ofMinutes(5000)).toEpochMilli()))));
    }

    @Test
    @DisplayName("Binance's error body is reported with its code")
    void invalidSymbol() {
        stub.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withBody(MarketDataStub.body("binance-invalid-symbol.json"))));

        assertThatThrownBy(() -> binance.closedCandles("BTC-USDT", CandleInterval.FIVE_MINUTES, FROM,
                FROM.plus(Duration.ofHours(1)), FROM.plus(Duration.ofHours(1))))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("code -1121");
    }
}
