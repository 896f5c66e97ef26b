package com.nija.shared.venues.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fields of Coinbase's JSON as the client needs them: decimals (Coinbase sends them as strings, up to 16 places; a
 * JSON number is read too), ISO-8601 times and non-blank texts. Bounds come first, so a hostile body can neither make
 * a number cost memory nor throw anything but a {@link BrokerException}.
 */
final class CoinbaseFields {
    private static final int MAX_DIGITS = 30;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1," + MAX_DIGITS + "}(\\.\\d{1," + MAX_DIGITS + "})?");
    private static final int MAX_TEXT = 200;

    private CoinbaseFields() {}

    /** A decimal field; empty when absent, null or {@code ""} (Coinbase's way of saying "none"). */
    static Optional<BigDecimal> decimal(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
            return Optional.empty();
        }
        if (node.isTextual() && DECIMAL.matcher(node.textValue()).matches()) return Optional.of(new BigDecimal(node.textValue()));
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            if ((long) value.precision() - value.scale() <= MAX_DIGITS && value.scale() <= MAX_DIGITS) {
                return Optional.of(value.scale() < 0 ? value.setScale(0) : value);
            }
        }
        throw unreadable(field);
    }

    static BigDecimal requiredDecimal(JsonNode parent, String field) {
        return decimal(parent, field).orElseThrow(() -> unreadable(field));
    }

    /** A text field; empty when absent, not text or blank. Long texts are cut: they end up in messages. */
    static Optional<String> text(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (!node.isTextual() || node.textValue().isBlank()) return Optional.empty();
        String text = node.textValue().strip().replaceAll("\\p{Cntrl}", " ");
        return Optional.of(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
    }

    static String requiredText(JsonNode parent, String field) {
        return text(parent, field).orElseThrow(() -> unreadable(field));
    }

    /**
     * An identifier or cursor exactly as sent (never cut or cleaned: it is sent back or compared); empty when absent
     * or {@code ""}. {@code pattern} says what it may hold, so an id that goes into a path cannot change the path.
     */
    static Optional<String> id(JsonNode parent, String field, Pattern pattern) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
            return Optional.empty();
        }
        if (!node.isTextual() || !pattern.matcher(node.textValue()).matches()) throw unreadable(field);
        return Optional.of(node.textValue());
    }

    /** A boolean field; false when absent. */
    static boolean flag(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) return false;
        if (!node.isBoolean()) throw unreadable(field);
        return node.booleanValue();
    }

    /** An ISO-8601 time field; empty when absent, null or {@code ""}. */
    static Optional<Instant> instant(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.textValue().length() > 40) throw unreadable(field);
        try {
            return Optional.of(Instant.parse(node.textValue()));
        } catch (DateTimeException e) {
            throw unreadable(field);
        }
    }

    /**
     * An answer Coinbase sent but that cannot be read: what it says is unknown, so the order's state is too (a
     * place answered so may have placed it: look it up).
     */
    static BrokerException unreadable(String field) {
        return new BrokerException(BrokerException.Kind.UNKNOWN, "Coinbase sent an answer that cannot be read ("
                + field + ")");
    }
}
