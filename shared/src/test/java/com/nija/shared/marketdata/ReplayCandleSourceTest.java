package com.nija.shared.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.config.PlatformClock;
import com.nija.shared.config.ScaledClock;
import com.nija.shared.testing.HandMovedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCandleSourceTest {
    @TempDir
    Path dir;

    private final Instant now = PlatformClock.system().instant();
    private final HandMovedClock clock = new HandMovedClock(now);

    private ReplayCandleSource replay() {
        SyntheticCandles.writeFiles(dir, SyntheticCandles.DEMO_MARKETS, SyntheticCandles.DEFAULT_START, 2, 5);
        return new ReplayCandleSource(dir, clock, Duration.ofDays(1));
    }

    @Test
    @DisplayName("at start a day of the files has closed, moved by whole hours to end in the clock's current hour")
    void warmupClosedAtStart() {
        ReplayCandleSource replay = replay();

        List<Candle> fives = replay.closedCandles("BTC-USD", CandleInterval.FIVE_MINUTES, now.minus(Duration.ofDays(3)),
                now.plusSeconds(1), now);

        assertThat(replay.shift().toSeconds() % 3600).isZero();
        assertThat(fives.get(0).openTime()).isEqualTo(SyntheticCandles.DEFAULT_START.plus(replay.shift()));
        Candle last = fives.get(fives.size() - 1);
        assertThat(last.closeTime(CandleInterval.FIVE_MINUTES)).isAfter(now.minus(Duration.ofMinutes(5)))
                .isBeforeOrEqualTo(now);
        assertThat(fives.size()).isBetween(288, 288 + 12);
        List<Candle> file = CandleFiles.read(CandleFiles.forSymbol(dir, "BTC-USD", CandleInterval.FIVE_MINUTES));
        assertThat(last.close()).isEqualTo(file.get(fives.size() - 1).close());
    }

    @Test
    @DisplayName("as the clock moves, each candle closes at its shifted close time and not before")
    void candlesCloseWithTheClock() {
        ReplayCandleSource replay = replay();
        Instant from = now.minus(Duration.ofHours(2));
        int before = replay.closedCandles("ETH-USD", CandleInterval.ONE_MINUTE, from, now.plus(Duration.ofHours(1)),
                now).size();

        clock.advance(Duration.ofMinutes(10));
        Instant later = clock.instant();
        List<Candle> after = replay.closedCandles("ETH-USD", CandleInterval.ONE_MINUTE, from,
                later.plus(Duration.ofHours(1)), later);

        assertThat(after).hasSize(before + 10);
        assertThat(after).allSatisfy(c -> assertThat(c.closeTime(CandleInterval.ONE_MINUTE)).isBeforeOrEqualTo(later));
    }

    @Test
    @DisplayName("hourly candles, which have no file, are made from the 1m file; a market without files is refused")
    void hoursFromMinutes() {
        ReplayCandleSource replay = replay();

        List<Candle> hours = replay.closedCandles("SOL-USD", CandleInterval.ONE_HOUR, now.minus(Duration.ofDays(2)),
                now, now);
        List<Candle> minutes = replay.closedCandles("SOL-USD", CandleInterval.ONE_MINUTE, hours.get(0).openTime(),
                hours.get(0).closeTime(CandleInterval.ONE_HOUR), now);

        assertThat(hours).hasSize(24);
        assertThat(minutes).hasSize(60);
        assertThat(hours.get(0).open()).isEqualTo(minutes.get(0).open());
        assertThat(hours.get(0).close()).isEqualTo(minutes.get(59).close());
        assertThatThrownBy(() -> replay.closedCandles("XRP-USD", CandleInterval.ONE_MINUTE, now.minusSeconds(600),
                now, now)).isInstanceOf(MarketDataException.class).hasMessageContaining("XRP-USD");
    }

    @Test
    @DisplayName("the demo's scaled clock runs its speed times as fast as the clock under it")
    void scaledClock() {
        ScaledClock fast = new ScaledClock(clock, 60);

        clock.advance(Duration.ofSeconds(5));

        assertThat(fast.instant()).isEqualTo(now.plus(Duration.ofMinutes(5)));
        assertThat(fast.onBase(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(5));
    }
}
