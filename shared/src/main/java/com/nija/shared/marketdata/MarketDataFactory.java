package com.nija.shared.marketdata;

import com.nija.shared.instruments.Instruments;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The market-data source the ingest reads: {@code nija.market-data.source} ({@code NIJA_MARKET_DATA_SOURCE}:
 * {@code coinbase}, the default, {@code kraken} or {@code binance}) at its public base URL, or
 * {@code nija.market-data.base-url} in its place (tests' WireMock stubs). Locally, {@value #REPLAY_DIR} (the demo)
 * replaces them with a {@link ReplayCandleSource} of that directory's candle files, its first
 * {@code nija.market-data.replay-warmup} (default one day) already closed at start.
 */
@Factory
public class MarketDataFactory {
    public static final String REPLAY_DIR = "nija.market-data.replay-dir";

    @Singleton
    MarketDataSource source(@Value("${nija.market-data.source:coinbase}") String venue,
                            @Value("${nija.market-data.base-url:}") String baseUrl,
                            @Value("${" + REPLAY_DIR + ":}") String replayDir,
                            @Value("${nija.market-data.replay-warmup:P1D}") String warmup,
                            Instruments instruments, Clock clock) {
        if (!replayDir.isBlank()) return new ReplayCandleSource(Path.of(replayDir), clock, Duration.parse(warmup));
        PublicMarketHttp http = PublicMarketHttp.standard();
        return switch (venue) {
            case "coinbase" -> new CoinbaseCandles(url(baseUrl, "https://api.coinbase.com"), http, instruments);
            case "kraken" -> new KrakenCandles(url(baseUrl, "https://api.kraken.com"), http, instruments);
            case "binance" -> new BinanceCandles(url(baseUrl, "https://api.binance.com"), http, instruments);
            default -> throw new IllegalStateException(
                    "nija.market-data.source must be coinbase, kraken or binance, not '" + venue + "'");
        };
    }

    private static URI url(String configured, String publicUrl) {
        return URI.create(configured.isBlank() ? publicUrl : configured);
    }
}
