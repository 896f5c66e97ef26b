package com.nija.shared.trading.export;

import com.nija.shared.problem.InvalidInputException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The half-open window {@code [from, to)} an export covers. Either end is an ISO-8601 instant
 * ({@code 2031-01-01T00:00:00Z}) or a date; a date means its whole UTC day, so {@code to=2031-12-31} includes that day.
 */
public record ExportRange(Instant from, Instant to) {
    /** A tax year, with room for a leap day; longer exports are split by the caller. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);

    /** Trade sort keys are 13-digit epoch millis: outside these years a bound has no key (or overflows). */
    static final Instant EARLIEST = Instant.EPOCH;
    static final Instant LATEST = Instant.parse("2286-11-20T00:00:00Z");

    public static ExportRange parse(String from, String to) {
        Instant start = bound("from", from, false);
        Instant end = bound("to", to, true);
        if (!end.isAfter(start)) throw ruleBroken("to", "must be after from");
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw ruleBroken("to", "must be at most 366 days after from; export a longer period in parts");
        }
        return new ExportRange(start, end);
    }

    private static Instant bound(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) throw InvalidInputException.of(field, "is required (an ISO-8601 instant or date)");
        Instant instant;
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = Instant.parse(value);
            }
        } catch (DateTimeException e) {
            throw InvalidInputException.of(field, "must be an ISO-8601 instant like 2031-01-01T00:00:00Z or a date like 2031-01-01");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw InvalidInputException.of(field, "must be between 1970-01-01 and 2286-11-20");
        }
        return instant;
    }

    private static InvalidInputException ruleBroken(String field, String message) {
        return new InvalidInputException(List.of(new InvalidInputException.Violation(field, message)), true);
    }
}
