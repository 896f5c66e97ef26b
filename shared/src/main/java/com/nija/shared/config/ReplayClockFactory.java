package com.nija.shared.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * With {@value #PROPERTY} set above 1 (the local demo's {@code --replay-speed}), the domain clock runs that many times
 * as fast as the platform clock, from the moment the context starts. Nothing in AWS sets it.
 */
@Factory
@Requires(property = ReplayClockFactory.PROPERTY)
public class ReplayClockFactory {
    public static final String PROPERTY = "nija.market-data.replay-speed";

    @Singleton
    @Replaces(factory = ClockFactory.class, bean = Clock.class)
    Clock clock(@Value("${" + PROPERTY + "}") long speed) {
        return speed <= 1 ? PlatformClock.system() : new ScaledClock(PlatformClock.system(), speed);
    }
}
