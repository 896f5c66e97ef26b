package com.nija.shared.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a key may ask: {@code requests} per {@code period}, all of them at once if need be. The bucket holds
 * {@code requests} tokens and refills evenly over the period, so a quiet key can burst to the full limit and a busy
 * one is held to the average.
 */
public record Rate(int requests, Duration period) {
    /**
     * The bucket counts in units of requests × period (ms), so refills stay whole numbers; Redis's Lua prints numbers
     * with 14 significant digits, and keeping the product below 10^13 keeps every stored value exact.
     */
    static final long MAX_UNITS = 10_000_000_000_000L;

    public Rate {
        Objects.requireNonNull(period, "period");
        if (requests < 1) throw new IllegalArgumentException("a rate allows at least 1 request, not " + requests);
        if (period.toMillis() < 1) throw new IllegalArgumentException("a rate's period is at least 1 ms, not " + period);
        if ((long) requests * period.toMillis() > MAX_UNITS) {
            throw new IllegalArgumentException(requests + " requests per " + period + " is beyond what the limiter counts");
        }
    }

    public static Rate perMinute(int requests) {
        return new Rate(requests, Duration.ofMinutes(1));
    }

    long periodMillis() {
        return period.toMillis();
    }
}
