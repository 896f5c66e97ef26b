package com.nija.shared.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** One clock for the domain, so tests can pin time. The UTC clock reads the time per call, never at init. */
@Factory
public class ClockFactory {
    @Singleton
    Clock clock() {
        return PlatformClock.system();
    }
}
