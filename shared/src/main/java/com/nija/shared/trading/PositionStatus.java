package com.nija.shared.trading;

import java.util.Locale;
import java.util.Optional;

/** Lifecycle of a position. */
public enum PositionStatus {
    OPEN, CLOSED;

    /** Parses {@code open}/{@code closed} as the API spells them. */
    public static Optional<PositionStatus> parse(String text) {
        if (text == null) return Optional.empty();
        for (PositionStatus s : values()) {
            if (s.name().equals(text.toUpperCase(Locale.ROOT))) return Optional.of(s);
        }
        return Optional.empty();
    }
}
