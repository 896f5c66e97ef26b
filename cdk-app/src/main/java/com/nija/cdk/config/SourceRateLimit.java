package com.nija.cdk.config;

import com.nija.functions.signals.PriceIngestHandler;
import com.nija.functions.signals.SignalIntakeHandler;
import com.nija.shared.signals.SourceRateLimits;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Context {@code sourceRateLimitPerMinute}: the requests a minute a signal source or price feed may send when it has no
 * limit of its own, set on the two functions that count them. Absent, the functions' default (1,000) applies.
 */
public final class SourceRateLimit {
    public static final String CONTEXT_KEY = "sourceRateLimitPerMinute";
    public static final String ENV = "NIJA_SOURCES_RATE_LIMIT_PER_MINUTE";
    /** The handlers that count a source's requests. */
    public static final Set<String> APPLIES_TO = Set.of(SignalIntakeHandler.class.getName(),
            PriceIngestHandler.class.getName());
    /** The functions' own ceiling: a value above it would fail every init, so synth refuses it. */
    static final int MAX = SourceRateLimits.MAX_PER_MINUTE;

    private SourceRateLimit() {}

    public static Optional<Integer> from(Function<String, Object> context) {
        Object raw = context.apply(CONTEXT_KEY);
        if (raw == null || String.valueOf(raw).isBlank()) return Optional.empty();
        String text = String.valueOf(raw).trim();
        if (text.matches("\\d{1,7}")) {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX) return Optional.of(n);
        }
        throw new IllegalArgumentException(CONTEXT_KEY + ": '" + raw + "' is not a whole number from 1 to " + MAX);
    }
}
