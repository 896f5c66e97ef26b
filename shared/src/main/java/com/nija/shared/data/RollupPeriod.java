package com.nija.shared.data;

import java.time.Duration;

/**
 * Granularity of P&L roll-ups, with how long DynamoDB keeps each (blueprint: aggregates for 2 years). Only DAY and
 * ALL are items of their own: hours are attributes of their day's item (kept as long as it), weeks attributes of the
 * lifetime item; each is updated by the same atomic {@code ADD} as the item that holds it.
 */
public enum RollupPeriod {
    HOUR(Duration.ofDays(730)),
    DAY(Duration.ofDays(730)),
    WEEK(Duration.ofDays(730)),
    /** Lifetime totals: never expire. */
    ALL(null);

    private final Duration retention;

    RollupPeriod(Duration retention) {
        this.retention = retention;
    }

    /** How long the item lives; null for forever. */
    public Duration retention() {
        return retention;
    }
}
