package com.nija.shared.venues.binance;

import com.nija.shared.config.PlatformClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Our side's clock in a test: starts at the platform clock's now and moves only when the test moves it. */
final class MovableClock extends Clock {
    private volatile Instant now = PlatformClock.system().instant().truncatedTo(ChronoUnit.MILLIS);

    void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
