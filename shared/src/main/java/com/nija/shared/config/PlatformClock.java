package com.nija.shared.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The platform's clock: UTC, read per call. Two settings move it, and nothing in AWS sets either:
 * <ul>
 *   <li>{@code nija.clock-start} (system property) or {@code NIJA_CLOCK_START}: an ISO-8601 instant the clock reads
 *       when the JVM starts, ticking in real time from there. The build starts every test JVM at the same instant,
 *       so a test can't depend on the date it runs on, nor cross midnight halfway, and code that reads the JVM's own
 *       clock instead of this one is years off and fails its tests;</li>
 *   <li>{@code nija.clock-offset} or {@code NIJA_CLOCK_OFFSET}: an ISO-8601 duration such as {@code P365D} added on
 *       top. CI runs the suite once more a year ahead.</li>
 * </ul>
 * Every piece of code that decides an outcome by time takes its {@link Clock} from here or from the context's
 * {@code Clock} bean, never from the JVM.
 */
public final class PlatformClock {
    public static final String PROPERTY = "nija.clock-offset";
    public static final String ENV = "NIJA_CLOCK_OFFSET";
    public static final String START_PROPERTY = "nija.clock-start";
    public static final String START_ENV = "NIJA_CLOCK_START";

    private static final Clock SYSTEM = Clock.offset(Clock.systemUTC(), startShift().plus(configuredOffset()));

    private PlatformClock() {}

    /** The system UTC clock plus the configured offset (zero unless set). */
    public static Clock system() {
        return SYSTEM;
    }

    static Duration configuredOffset() {
        String raw = setting(PROPERTY, ENV);
        if (raw == null) return Duration.ZERO;
        try {
            return Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(PROPERTY + " / " + ENV + " must be an ISO-8601 duration such as P365D, not '"
                    + raw + "'", e);
        }
    }

    /** From the JVM's now to the configured start instant; zero without one. */
    static Duration startShift() {
        String raw = setting(START_PROPERTY, START_ENV);
        if (raw == null) return Duration.ZERO;
        try {
            return Duration.between(Clock.systemUTC().instant(), Instant.parse(raw));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(START_PROPERTY + " / " + START_ENV
                    + " must be an ISO-8601 instant such as 2031-06-16T12:00:00Z, not '" + raw + "'", e);
        }
    }

    private static String setting(String property, String env) {
        String raw = System.getProperty(property);
        if (raw == null || raw.isBlank()) raw = System.getenv(env);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
