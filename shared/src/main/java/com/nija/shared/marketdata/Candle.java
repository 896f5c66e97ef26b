package com.nija.shared.marketdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed OHLCV bar of a market, identified by its open time (venues key bars by open time). Prices are positive,
 * the high is the highest and the low the lowest of the four, the volume (in the base asset) is not negative: a bar
 * that breaks these came from a broken feed and is refused where it is read.
 */
public record Candle(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                     BigDecimal volume) {

    public Candle {
        Objects.requireNonNull(openTime, "openTime");
        for (BigDecimal price : new BigDecimal[] {open, high, low, close}) {
            if (price == null || price.signum() <= 0) throw new IllegalArgumentException("prices must be positive");
        }
        if (volume == null || volume.signum() < 0) throw new IllegalArgumentException("volume must not be negative");
        if (high.compareTo(low) < 0 || high.compareTo(open) < 0 || high.compareTo(close) < 0
                || low.compareTo(open) > 0 || low.compareTo(close) > 0) {
            throw new IllegalArgumentException("high must be the highest and low the lowest price of the bar");
        }
    }

    public Instant closeTime(CandleInterval interval) {
        return openTime.plus(interval.length());
    }
}
