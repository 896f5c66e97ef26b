package com.nija.shared.config;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The platform's clock: UTC, read per call, shifted by {@code nija.clock-offset} (system property) or
 * {@code NIJA_CLOCK_OFFSET} (environment), an ISO-8601 duration such as {@code P365D}. Nothing in AWS sets the
 * offset; the test suite runs once with the clock a year ahead to prove that no test or fixture depends on today's
 * date, and the local platform can be started in the future the same way. Every piece of code that decides an
 * outcome by time takes its {@link Clock} from here or from the context's {@code Clock} bean, never from the JVM.
 */
public final class PlatformClock {
    public static final String PROPERTY = "nija.clock-offset";
    public static final String ENV = "NIJA_CLOCK_OFFSET";

    private static final Clock SYSTEM = Clock.offset(Clock.systemUTC(), configuredOffset());

    private PlatformClock() {}

    /** The system UTC clock plus the configured offset (zero unless set). */
    public static Clock system() {
        return SYSTEM;
    }

    static Duration configuredOffset() {
        String raw = System.getProperty(PROPERTY);
        if (raw == null || raw.isBlank()) raw = System.getenv(ENV);
        if (raw == null || raw.isBlank()) return Duration.ZERO;
        try {
            return Duration.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(PROPERTY + " / " + ENV + " must be an ISO-8601 duration such as P365D, not '"
                    + raw + "'", e);
        }
    }
}
