package com.nija.shared.billing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/** Small readers over Stripe's JSON: ids that may come expanded, unix timestamps, amounts in minor units. */
final class StripeJson {
    /** Stripe's zero-decimal currencies (amounts are whole units); others follow ISO 4217. */
    private static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga",
            "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");

    private StripeJson() {}

    static String text(JsonNode node, String field) {
        if (node == null) return null;
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A reference that Stripe sends as an id or, when expanded, as the object: the id either way. */
    static String id(JsonNode node, String field) {
        if (node == null) return null;
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        return v.isObject() ? text(v, "id") : v.asText();
    }

    /** A unix timestamp; one outside the range of {@link Instant} is no time at all, like a missing one. */
    static Instant time(JsonNode node, String field) {
        Long seconds = number(node, field);
        if (seconds == null || seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            return null;
        }
        return Instant.ofEpochSecond(seconds);
    }

    static Long number(JsonNode node, String field) {
        if (node == null) return null;
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.canConvertToLong() ? null : v.asLong();
    }

    static boolean flag(JsonNode node, String field) {
        return node != null && node.path(field).asBoolean(false);
    }

    /** Amount in major units: 4900 usd → 49.00, 500 jpy → 500. */
    static BigDecimal money(long minor, String currency) {
        return BigDecimal.valueOf(minor).movePointLeft(fractionDigits(currency));
    }

    static int fractionDigits(String currency) {
        if (currency == null) return 2;
        String c = currency.toLowerCase(Locale.ROOT);
        if (ZERO_DECIMAL.contains(c)) return 0;
        try {
            int digits = Currency.getInstance(c.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }
}
