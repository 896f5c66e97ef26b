package com.nija.shared.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleFilesTest {
    static final Path COMMITTED = Path.of("..", "events", "market");

    @TempDir
    Path dir;

    @Test
    @DisplayName("candles written to a file read back exactly, and the file is named by market and interval")
    void roundTrip() {
        List<Candle> candles = SyntheticCandles.oneMinute(SyntheticCandles.DEMO_MARKETS.get(0),
                SyntheticCandles.DEFAULT_START, 120, 7);
        Path file = CandleFiles.forSymbol(dir, "BTC-USD", CandleInterval.ONE_MINUTE);

        CandleFiles.write(file, candles);

        assertThat(file.getFileName()).hasToString("BTC-USD-1m.csv");
        assertThat(CandleFiles.read(file)).isEqualTo(candles);
        try (Stream<Candle> lazily = CandleFiles.stream(file)) {
            assertThat(lazily.limit(3)).containsExactlyElementsOf(candles.subList(0, 3));
        }
    }

    @Test
    @DisplayName("a file's lines read as open time (UTC) and plain decimal prices and volume; CRLF and a trailing blank line are fine")
    void readsTheDocumentedLayout() {
        List<Candle> candles = CandleFiles.parse("time,open,high,low,close,volume\r\n"
                + "2026-01-05T00:05:00Z,64000.10,64100,63950.5,64050.25,12.3456\r\n"
                + "2026-01-05T00:10:00.000Z,64050.25,64060,64000,64001,0\r\n\r\n");

        assertThat(candles).containsExactly(
                new Candle(Instant.parse("2026-01-05T00:05:00Z"), new BigDecimal("64000.10"), new BigDecimal("64100"),
                        new BigDecimal("63950.5"), new BigDecimal("64050.25"), new BigDecimal("12.3456")),
                new Candle(Instant.parse("2026-01-05T00:10:00Z"), new BigDecimal("64050.25"), new BigDecimal("64060"),
                        new BigDecimal("64000"), new BigDecimal("64001"), BigDecimal.ZERO));
    }

    @Test
    @DisplayName("a broken file is refused with the line and the rule it breaks")
    void refusesNamingLineAndRule() {
        String header = "time,open,high,low,close,volume\n";
        assertRefused("open,high\n", 1, "header");
        assertRefused(header + "2026-01-05T00:00:00Z,1,2,0.5,1.5\n", 2, "fewer than 6 fields");
        assertRefused(header + "2026-01-05T00:00:00Z,1,2,0.5,1.5,1,9\n", 2, "more than 6 fields");
        assertRefused(header + "2026-01-05 00:00,1,2,0.5,1.5,1\n", 2, "ISO-8601 UTC");
        assertRefused(header + "2026-01-05T00:00:00+01:00,1,2,0.5,1.5,1\n", 2, "ISO-8601 UTC");
        assertRefused(header + "2026-02-30T00:00:00Z,1,2,0.5,1.5,1\n", 2, "real date");
        assertRefused(header + "2026-01-05T00:00:00Z,1e3,2,0.5,1.5,1\n", 2, "open must be a plain decimal");
        assertRefused(header + "2026-01-05T00:00:00Z,1,2,0.5,1.5,-1\n", 2, "volume must be a plain decimal");
        assertRefused(header + "2026-01-05T00:00:00Z,1,0.5,2,1.5,1\n", 2, "high must be the highest");
        assertRefused(header + "2026-01-05T00:01:00Z,1,2,0.5,1.5,1\n2026-01-05T00:01:00Z,1,2,0.5,1.5,1\n", 3,
                "rise strictly");
        assertRefused(header + "2026-01-05T00:01:00Z,1,2,0.5,1.5,1\n\n2026-01-05T00:02:00Z,1,2,0.5,1.5,1\n", 3,
                "blank line");
    }

    @Test
    @DisplayName("writing candles out of time order is refused")
    void writeRefusesDisorder() {
        List<Candle> candles = SyntheticCandles.oneMinute(SyntheticCandles.DEMO_MARKETS.get(1),
                SyntheticCandles.DEFAULT_START, 2, 1);

        assertThatThrownBy(() -> CandleFiles.write(dir.resolve("x.csv"), List.of(candles.get(1), candles.get(0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rising time order");
    }

    @Test
    @DisplayName("the committed demo files are the generator's output for its documented seed, and each 5m file is its 1m file aggregated")
    void committedFilesAreReproducible() throws IOException {
        SyntheticCandles.writeFiles(dir, SyntheticCandles.DEMO_MARKETS, SyntheticCandles.DEFAULT_START,
                SyntheticCandles.DEFAULT_DAYS, SyntheticCandles.DEFAULT_SEED);

        for (SyntheticCandles.Market market : SyntheticCandles.DEMO_MARKETS) {
            for (CandleInterval interval : List.of(CandleInterval.ONE_MINUTE, CandleInterval.FIVE_MINUTES)) {
                Path committed = CandleFiles.forSymbol(COMMITTED, market.symbol(), interval);
                assertThat(Files.readString(committed))
                        .isEqualTo(Files.readString(CandleFiles.forSymbol(dir, market.symbol(), interval)));
            }
            List<Candle> minutes = CandleFiles.read(CandleFiles.forSymbol(COMMITTED, market.symbol(),
                    CandleInterval.ONE_MINUTE));
            assertThat(minutes).hasSize(SyntheticCandles.DEFAULT_DAYS * 24 * 60);
            assertThat(CandleFiles.read(CandleFiles.forSymbol(COMMITTED, market.symbol(),
                    CandleInterval.FIVE_MINUTES)))
                    .isEqualTo(CandleBuckets.aggregate(minutes, CandleInterval.ONE_MINUTE,
                            CandleInterval.FIVE_MINUTES));
        }
    }

    @Test
    @DisplayName("the same seed gives the same candles and another seed other candles")
    void seeded() {
        SyntheticCandles.Market sol = SyntheticCandles.DEMO_MARKETS.get(2);
        Instant start = SyntheticCandles.DEFAULT_START;

        assertThat(SyntheticCandles.oneMinute(sol, start, 500, 42)).isEqualTo(
                SyntheticCandles.oneMinute(sol, start, 500, 42));
        assertThat(SyntheticCandles.oneMinute(sol, start, 500, 42)).isNotEqualTo(
                SyntheticCandles.oneMinute(sol, start, 500, 43));
    }

    private static void assertRefused(String text, int line, String rule) {
        assertThatThrownBy(() -> CandleFiles.parse(text)).isInstanceOf(CandleFileException.class)
                .hasMessageContaining("line " + line).hasMessageContaining(rule);
    }
}
