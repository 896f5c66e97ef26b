package com.nija.shared.notifications;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something to tell a trader: its id (stable for the thing that happened — the same fill published twice has one id,
 * so each channel delivers it once), type, time, a one-line summary and the facts behind it, in order. Facts and
 * summary hold only what the trader may read anywhere (symbols, sides, amounts, reasons): never a key, secret or token.
 *
 * @param id         at most 200 characters: letters, digits, {@code : . _ -}
 * @param occurredAt when it happened; with {@code id} it places the delivery in the trader's log
 */
public record NotificationEvent(String id, NotificationEventType type, Instant occurredAt, String summary,
                                Map<String, String> facts) {
    public NotificationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(summary, "summary");
        if (id == null || !id.matches("[A-Za-z0-9:._-]{1,200}")) {
            throw new IllegalArgumentException("a notification event id is 1-200 letters, digits, : . _ -");
        }
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** Facts in the order given, dropping those without a value. */
    public static Map<String, String> facts(Object... namesAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) out.put(String.valueOf(namesAndValues[i]), value instanceof java.math.BigDecimal d
                    ? d.stripTrailingZeros().toPlainString() : String.valueOf(value));
        }
        return out;
    }
}
