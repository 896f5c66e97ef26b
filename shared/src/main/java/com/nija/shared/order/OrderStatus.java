package com.nija.shared.order;

import java.util.Locale;
import java.util.Optional;

/**
 * What became of an order. A paper order is recorded once, after the broker answered: {@code FILLED}, or
 * {@code RESTING} (a limit the market has not reached) which later becomes {@code FILLED} or {@code CANCELLED}.
 * {@code REFUSED}: the risk rules (or the venue's order rules) said no and no broker was asked; {@code FAILED}: the
 * broker rejected it or kept failing until the last attempt. A live order is recorded {@code SUBMITTED} before the
 * venue is called (so a crash, a timeout or a concurrent twin finds it and asks the venue instead of placing anew),
 * then becomes what the venue answered. A partial fill is {@code FILLED} with {@code partial} set on the order.
 */
public enum OrderStatus {
    FILLED, RESTING, CANCELLED, REFUSED, FAILED, SUBMITTED;

    /** Parses a status as the API spells it ({@code filled}, any case). */
    public static Optional<OrderStatus> parse(String text) {
        if (text == null) return Optional.empty();
        for (OrderStatus s : values()) {
            if (s.name().equals(text.toUpperCase(Locale.ROOT))) return Optional.of(s);
        }
        return Optional.empty();
    }
}
