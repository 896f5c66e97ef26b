package com.nija.shared.signals;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often each watched source is expected to be heard from, from {@code nija.alerts.quiet-sources}
 * ({@code NIJA_ALERTS_QUIET_SOURCES}; CDK context {@code quietSources}): {@code <source id>=<interval>} pairs separated
 * by commas, an interval as {@code 90m}, {@code 6h}, {@code 2d} or ISO-8601 ({@code PT6H}). Sources not named are
 * not watched: a TradingView strategy may rightly stay silent for days, only its operator knows how long is too long.
 */
@Singleton
public class QuietSourceRules {
    /** Below this a quiet spell is noise (a feed's normal jitter, the 5-minute check's own period). */
    static final Duration MIN_INTERVAL = Duration.ofMinutes(5);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([mhd])");

    private final Map<String, Duration> intervals;

    public QuietSourceRules(@Nullable @Value("${nija.alerts.quiet-sources:}") String spec) {
        this.intervals = parse(spec);
    }

    /** Watched source id → its expected interval, in the order configured. */
    public Map<String, Duration> intervals() {
        return intervals;
    }

    /** @throws IllegalArgumentException a pair that is not {@code id=interval}, an unknown unit, an interval under 5 minutes */
    static Map<String, Duration> parse(String spec) {
        Map<String, Duration> out = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) return Map.of();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("nija.alerts.quiet-sources: '" + pair.trim()
                    + "' is not <source id>=<interval>");
            String id = pair.substring(0, eq).trim();
            Duration interval = interval(id, pair.substring(eq + 1).trim());
            if (interval.compareTo(MIN_INTERVAL) < 0) {
                throw new IllegalArgumentException("nija.alerts.quiet-sources: " + id + " expects a signal more often "
                        + "than every " + MIN_INTERVAL.toMinutes() + " minutes, finer than the check runs");
            }
            out.put(id, interval);
        }
        return Collections.unmodifiableMap(out);
    }

    private static Duration interval(String id, String text) {
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("nija.alerts.quiet-sources: the interval of " + id + " ('" + text
                    + "') is not like 90m, 6h, 2d or PT6H");
        }
    }
}
