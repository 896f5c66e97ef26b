package com.nija.shared.strategy;

import com.nija.shared.marketdata.Candle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hand-built 5-minute candle series: each bar opens at the previous close and moves by a percentage. */
final class Bars {
    static final Instant START = Instant.parse("2031-06-14T00:00:00Z");
    private final List<Candle> candles = new ArrayList<>();
    private double last = 100;

    /** A bar from the last close moving {@code percent}, wicks {@code wickPercent} beyond the body, {@code volume}. */
    Bars bar(double percent, double wickPercent, double volume) {
        double open = last;
        double close = open * (1 + percent / 100);
        return bar(open, close, Math.max(open, close) * (1 + wickPercent / 100),
                Math.min(open, close) * (1 - wickPercent / 100), volume);
    }

    Bars bar(double open, double close, double high, double low, double volume) {
        Instant at = START.plus(Duration.ofMinutes(5L * candles.size()));
        candles.add(new Candle(at, d(open), d(high), d(low), d(close), d(volume)));
        last = close;
        return this;
    }

    /** {@code n} bars repeating {@code pattern} (percent moves), each with a 0.05 % wick and {@code volume}. */
    Bars repeat(int n, double volume, double... pattern) {
        for (int k = 0; k < n; k++) bar(pattern[k % pattern.length], 0.05, volume);
        return this;
    }

    /** {@code n} bars of a seeded random walk (moves up to ±{@code maxPercent}, volume 50–150). */
    Bars randomWalk(long seed, int n, double maxPercent) {
        Random random = new Random(seed);
        for (int k = 0; k < n; k++) {
            bar((random.nextDouble() * 2 - 1) * maxPercent, random.nextDouble() * 0.2, 50 + random.nextDouble() * 100);
        }
        return this;
    }

    double last() {
        return last;
    }

    Candle lastCandle() {
        return candles.get(candles.size() - 1);
    }

    List<Candle> candles() {
        return List.copyOf(candles);
    }

    private static BigDecimal d(double value) {
        return BigDecimal.valueOf(value).setScale(8, RoundingMode.HALF_UP);
    }
}
