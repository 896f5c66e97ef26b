package com.nija.shared.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The candle lengths NIJA stores and trades on, with how long stored candles are kept. Retention (the DynamoDB TTL of
 * a day's item, counted from the end of that day): 1m candles 7 days (they only feed prices and short replays),
 * 5m candles 90 days (APEX's interval; warm-up plus three months of backtests), 1h candles 2 years (the blueprint's
 * aggregate retention).
 */
public enum CandleInterval {
    ONE_MINUTE("1m", Duration.ofMinutes(1), Duration.ofDays(7)),
    FIVE_MINUTES("5m", Duration.ofMinutes(5), Duration.ofDays(90)),
    ONE_HOUR("1h", Duration.ofHours(1), Duration.ofDays(730));

    private final String code;
    private final Duration length;
    private final Duration retention;

    CandleInterval(String code, Duration length, Duration retention) {
        this.code = code;
        this.length = length;
        this.retention = retention;
    }

    public String code() {
        return code;
    }

    public Duration length() {
        return length;
    }

    public Duration retention() {
        return retention;
    }

    public static Optional<CandleInterval> parse(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
    }

    /** The open time of the candle that contains {@code at}. */
    public Instant openOf(Instant at) {
        long seconds = length.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }

    /** The open time of the newest candle that has closed by {@code now}. */
    public Instant lastClosedOpen(Instant now) {
        return openOf(now).minus(length);
    }

    /** Whether {@code openTime} is a boundary of this interval (venues only ever send those). */
    public boolean isBoundary(Instant openTime) {
        return openTime.getNano() == 0 && openTime.getEpochSecond() % length.toSeconds() == 0;
    }
}
