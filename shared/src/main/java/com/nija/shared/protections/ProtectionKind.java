package com.nija.shared.protections;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which protection fired; its {@link #slug()} starts every refusal it causes and names it in pushes and the API. */
public enum ProtectionKind {
    /** Equity fell the warning distance below its peak: the trader is told, nothing is stopped. */
    DRAWDOWN_WARNING("drawdown-warning"),
    /** Equity fell the stop distance below its peak: no new entries until it recovers or the peak is restarted. */
    DRAWDOWN_STOP("drawdown-stop"),
    /** Too many losing stop-losses on one symbol in the lookback window: that symbol cools down. */
    STOPLOSS_GUARD("stoploss-guard"),
    /** Today's realized profit reached the trader's target: no new entries until the next UTC day. */
    DAILY_PROFIT_TARGET("daily-profit-target");

    private final String slug;

    ProtectionKind(String slug) {
        this.slug = slug;
    }

    @JsonValue
    public String slug() {
        return slug;
    }

    /** Whether this protection stops new entries (the warning only tells). */
    public boolean stopsEntries() {
        return this != DRAWDOWN_WARNING;
    }
}
