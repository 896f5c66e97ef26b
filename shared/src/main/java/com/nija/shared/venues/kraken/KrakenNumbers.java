package com.nija.shared.venues.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Numbers and times in Kraken's answers, read strictly: Kraken writes amounts as plain decimal strings
 * ({@code "0.25000000"}) and times as epoch seconds with a fraction ({@code 1688665496.7808}). Anything else — an
 * exponent, a hundred digits, a time before 1970 or after 3000 — is not Kraken's and fails as {@code UNKNOWN}
 * rather than as a parse error deep in the engine.
 */
final class KrakenNumbers {
    private static final Pattern PLAIN = Pattern.compile("-?\\d{1,24}(\\.\\d{1,24})?");
    /** 3000-01-01T00:00:00Z: no order time Kraken reports can be later. */
    private static final long LATEST_SECOND = 32_503_680_000L;

    private KrakenNumbers() {}

    static BigDecimal decimal(JsonNode parent, String field) {
        BigDecimal value = decimalOrNull(parent, field);
        if (value == null) throw malformed(field + " missing");
        return value;
    }

    static BigDecimal decimalOrNull(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) return null;
        String text = node.isNumber() ? plain(node) : node.isTextual() ? node.asText().trim() : null;
        if (text == null || !PLAIN.matcher(text).matches()) throw malformed(field + " is not a decimal");
        return new BigDecimal(text);
    }

    /** Epoch seconds (with a fraction) as an instant; null when absent or zero (Kraken's "not set"). */
    static Instant timeOrNull(JsonNode parent, String field) {
        BigDecimal seconds = decimalOrNull(parent, field);
        if (seconds == null || seconds.signum() == 0) return null;
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(LATEST_SECOND)) > 0) {
            throw malformed(field + " is not a time");
        }
        long whole = seconds.longValue();
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    /** A bounded integer field (decimals counts and the like). */
    static int smallInt(JsonNode parent, String field, int max) {
        JsonNode node = parent.get(field);
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0 || node.asInt() > max) {
            throw malformed(field + " is not a whole number from 0 to " + max);
        }
        return node.asInt();
    }

    /** A JSON number's digits without an exponent, or null when it has one (Kraken never sends one). */
    private static String plain(JsonNode number) {
        BigDecimal value = number.decimalValue();
        if (value.precision() - value.scale() > 24 || value.scale() > 24) return null;
        return value.toPlainString();
    }

    static BrokerException malformed(String what) {
        return new BrokerException(BrokerException.Kind.UNKNOWN, "Kraken's answer is not as documented: " + what);
    }
}
