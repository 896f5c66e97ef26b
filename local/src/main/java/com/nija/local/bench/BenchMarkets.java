package com.nija.local.bench;

import com.nija.shared.marketdata.Candle;
import com.nija.shared.marketdata.CandleBuckets;
import com.nija.shared.marketdata.CandleInterval;
import com.nija.shared.marketdata.SyntheticCandles;
import java.time.Instant;
import java.util.List;

/**
 * Candles for the strategy benchmarks from the demo's seeded generator ({@link SyntheticCandles}: regimes, volume
 * profile): market {@code i} is one of the demo markets' price and volatility under its own name and seed, so every
 * run plays the same candles.
 */
final class BenchMarkets {
    static final Instant START = SyntheticCandles.DEFAULT_START;

    private BenchMarkets() {}

    static String symbol(int i) {
        return String.format("BENCH%03d-USD", i);
    }

    /** {@code minutes} minutes of market {@code i} as 5m candles (generated as 1m bars, then combined). */
    static List<Candle> fiveMinute(int i, int minutes) {
        SyntheticCandles.Market demo = SyntheticCandles.DEMO_MARKETS.get(i % SyntheticCandles.DEMO_MARKETS.size());
        SyntheticCandles.Market market = new SyntheticCandles.Market(symbol(i), demo.startPrice(), demo.sigma(),
                demo.baseVolume());
        List<Candle> oneMinute = SyntheticCandles.oneMinute(market, START, minutes, SyntheticCandles.DEFAULT_SEED + i);
        return CandleBuckets.aggregate(oneMinute, CandleInterval.ONE_MINUTE, CandleInterval.FIVE_MINUTES);
    }
}
