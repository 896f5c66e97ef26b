package com.nija.shared.protections;

/** How far equity is below its peak, against the trader's two thresholds. Stored by name. */
public enum DrawdownLevel {
    NONE, WARNING, STOPPED;

    /** The level {@code drawdownPct} is at: at or past a threshold counts as reached. */
    public static DrawdownLevel of(java.math.BigDecimal drawdownPct, ProtectionSettings settings) {
        if (drawdownPct.compareTo(settings.drawdownStopPct()) >= 0) return STOPPED;
        if (drawdownPct.compareTo(settings.drawdownWarnPct()) >= 0) return WARNING;
        return NONE;
    }
}
