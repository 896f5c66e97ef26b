package com.nija.shared.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * Market or limit. Stored on orders and shown by the API as the name ({@code MARKET}); in JSON messages (a queued or
 * recorded signal) as the signal API spells it, {@code market}, which is also what it reads back.
 */
public enum OrderType {
    MARKET, LIMIT;

    /** {@code market} or {@code limit}, any case. */
    public static Optional<OrderType> parse(String text) {
        if (text == null) return Optional.empty();
        for (OrderType t : values()) {
            if (t.name().equals(text.toUpperCase(Locale.ROOT))) return Optional.of(t);
        }
        return Optional.empty();
    }

    @JsonCreator
    static OrderType fromJson(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an order type: " + text));
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
