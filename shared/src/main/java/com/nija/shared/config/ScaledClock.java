package com.nija.shared.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code speed} times as fast as another from the instant it was made: the local demo's replay
 * clock, so five-minute candles close every five seconds at speed 60 and everything that decides by time (candle
 * closes, the scan's schedule, a signal's age) agrees on one accelerated time. Never used in AWS.
 */
public final class ScaledClock extends Clock {
    private final Clock base;
    private final Instant start;
    private final long speed;
    private final ZoneId zone;

    public ScaledClock(Clock base, long speed) {
        this(base, base.instant(), speed, ZoneOffset.UTC);
    }

    private ScaledClock(Clock base, Instant start, long speed, ZoneId zone) {
        if (speed < 1) throw new IllegalArgumentException("speed must be at least 1");
        this.base = base;
        this.start = start;
        this.speed = speed;
        this.zone = zone;
    }

    /** The clock this one runs faster than (wall time, for what people's tokens and sessions are measured by). */
    public Clock base() {
        return base;
    }

    public long speed() {
        return speed;
    }

    /** How long a span of this clock takes on its base clock. */
    public Duration onBase(Duration span) {
        return span.dividedBy(speed);
    }

    @Override
    public Instant instant() {
        return start.plus(Duration.between(start, base.instant()).multipliedBy(speed));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ScaledClock(base, start, speed, other);
    }
}
