package com.nija.shared.order;

import java.util.Locale;
import java.util.Optional;

/**
 * What became of an order. An order is recorded once, after the broker answered: {@code FILLED}, or {@code RESTING}
 * (a limit the market has not reached) which later becomes {@code FILLED} or {@code CANCELLED}. {@code REFUSED}: the
 * risk rules said no and no broker was asked; {@code FAILED}: the broker rejected it or kept failing until the last
 * attempt.
 */
public enum OrderStatus {
    FILLED, RESTING, CANCELLED, REFUSED, FAILED;

    /** Parses a status as the API spells it ({@code filled}, any case). */
    public static Optional<OrderStatus> parse(String text) {
        if (text == null) return Optional.empty();
        for (OrderStatus s : values()) {
            if (s.name().equals(text.toUpperCase(Locale.ROOT))) return Optional.of(s);
        }
        return Optional.empty();
    }
}
