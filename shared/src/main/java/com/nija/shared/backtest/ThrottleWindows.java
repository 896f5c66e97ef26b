package com.nija.shared.backtest;

import com.nija.shared.engine.ThrottleConfig;
import java.time.Instant;
import java.util.Optional;

/**
 * The engine's per-trader order throttle ({@link com.nija.shared.engine.OrderThrottle}) for one trader in simulated
 * time, with the same configuration and the same order of checks — spacing first (it takes the slot when it passes),
 * then the fixed minute, hour and day windows, each counting the attempt — and the same wording. The engine keeps
 * these counters in Redis; a backtest has one trader and one thread, so plain fields do.
 */
final class ThrottleWindows {
    private final ThrottleConfig config;
    private long lastOrder = Long.MIN_VALUE;
    private final Window minute = new Window(60_000L, "a minute");
    private final Window hour = new Window(3_600_000L, "an hour");
    private final Window day = new Window(86_400_000L, "a day");

    ThrottleWindows(ThrottleConfig config) {
        this.config = config;
    }

    Optional<String> acquire(Instant at) {
        if (!config.isEnabled()) return Optional.empty();
        long now = at.toEpochMilli();
        long spacing = config.getMinSpacingMillis();
        if (lastOrder != Long.MIN_VALUE && now - lastOrder < spacing) {
            return Optional.of("orders must be " + spacing / 1000 + " s apart");
        }
        lastOrder = now;
        String refused = minute.count(now, config.getPerMinute());
        if (refused == null) refused = hour.count(now, config.getPerHour());
        if (refused == null) refused = day.count(now, config.getPerDay());
        return Optional.ofNullable(refused);
    }

    private static final class Window {
        private final long length;
        private final String label;
        private long bucket = Long.MIN_VALUE;
        private long count;

        Window(long length, String label) {
            this.length = length;
            this.label = label;
        }

        String count(long now, int limit) {
            long current = now / length;
            if (current != bucket) {
                bucket = current;
                count = 0;
            }
            count++;
            return count > limit ? "at most " + limit + " orders " + label : null;
        }
    }
}
