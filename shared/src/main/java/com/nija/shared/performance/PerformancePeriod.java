package com.nija.shared.performance;

import com.nija.shared.data.RollupPeriod;
import java.time.Duration;
import java.util.Optional;

/** Periods the performance route offers; a day is read from hour roll-ups, longer ones from day roll-ups. */
public enum PerformancePeriod {
    D1("1d", Duration.ofDays(1), RollupPeriod.HOUR),
    D7("7d", Duration.ofDays(7), RollupPeriod.DAY),
    D30("30d", Duration.ofDays(30), RollupPeriod.DAY),
    D90("90d", Duration.ofDays(90), RollupPeriod.DAY),
    Y1("1y", Duration.ofDays(365), RollupPeriod.DAY),
    ALL("all", null, RollupPeriod.DAY);

    private final String label;
    private final Duration length;
    private final RollupPeriod granularity;

    PerformancePeriod(String label, Duration length, RollupPeriod granularity) {
        this.label = label;
        this.length = length;
        this.granularity = granularity;
    }

    public String label() { return label; }
    /** Null for {@link #ALL}: from the first day with a roll-up. */
    public Duration length() { return length; }
    public RollupPeriod granularity() { return granularity; }

    public static Optional<PerformancePeriod> parse(String text) {
        for (PerformancePeriod p : values()) if (p.label.equals(text)) return Optional.of(p);
        return Optional.empty();
    }
}
