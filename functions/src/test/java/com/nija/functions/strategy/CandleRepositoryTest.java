package com.nija.functions.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.LocalBackends;
import com.nija.shared.marketdata.Candle;
import com.nija.shared.marketdata.CandleInterval;
import com.nija.shared.marketdata.CandleRepository;
import java.time.Duration;
import com.nija.shared.config.PlatformClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Candles stored one item per market, interval and day on dynalite. */
class CandleRepositoryTest {
    private final CandleRepository candles = LocalBackends.get().context().getBean(CandleRepository.class);
    /** A market name of this test's own: candle items are keyed by symbol. */
    private final String symbol = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-USD";

    @Test
    @DisplayName("candles across midnight are stored per day, read back in order, and storing them again adds nothing")
    void storesAcrossDays() {
        // Just after the next midnight by the platform clock: candles are kept per day, and days past their retention
        // (counted from the clock) are not read, so the series must be recent whatever date the tests run on.
        Instant lastOpen = PlatformClock.system().instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1))
                .plus(Duration.ofMinutes(20));
        List<Candle> series = ApexSetups.longEntryEndingAt(lastOpen, 30);   // 21:55 the day before to 00:20

        int first = candles.store(symbol, CandleInterval.FIVE_MINUTES, series);
        int again = candles.store(symbol, CandleInterval.FIVE_MINUTES, series.subList(10, 30));
        List<Candle> read = candles.range(symbol, CandleInterval.FIVE_MINUTES, series.get(0).openTime(),
                lastOpen.plus(Duration.ofMinutes(5)));

        assertThat(first).isEqualTo(30);
        assertThat(again).isZero();
        assertThat(read).containsExactlyElementsOf(series);
        assertThat(candles.latest(symbol, CandleInterval.FIVE_MINUTES, 5, lastOpen.plus(Duration.ofMinutes(5))))
                .containsExactlyElementsOf(series.subList(25, 30));
        assertThat(candles.range(symbol, CandleInterval.ONE_HOUR, series.get(0).openTime(), lastOpen)).isEmpty();
    }
}
