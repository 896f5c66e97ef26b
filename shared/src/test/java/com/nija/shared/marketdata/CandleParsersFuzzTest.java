package com.nija.shared.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Fuzzes each venue's candle reader with whatever a venue (or anything in its place) might answer. Each either reads
 * candles that keep {@link Candle}'s rules or refuses with a {@link MarketDataException}; anything else would stop an
 * ingest or scan run for every market.
 */
class CandleParsersFuzzTest {
    @FuzzTest
    void candles(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        for (Function<String, List<Candle>> parser : List.<Function<String, List<Candle>>>of(CoinbaseCandles::parse,
                KrakenCandles::parse, BinanceCandles::parse)) {
            try {
                for (Candle candle : parser.apply(body)) {
                    assertThat(candle.high()).isGreaterThanOrEqualTo(candle.low());
                    assertThat(candle.volume().signum()).isNotNegative();
                }
            } catch (MarketDataException refused) {
                // understood: the ingest skips this market for this run
            }
        }
    }
}
