package com.nija.shared.trading;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one number grammar for money, prices, quantities and percentages from outside: a plain decimal of at most
 * {@value #MAX_INTEGER_DIGITS} digits before the point and {@value #MAX_DECIMAL_PLACES} after, optionally with a
 * two-digit exponent ({@code 1.5e3}); as a JSON string or a JSON number. Bounding digits and exponent before anything
 * computes with the value keeps {@code 1e999999999} from costing memory or time anywhere downstream.
 */
public final class Decimals {
    public static final int MAX_INTEGER_DIGITS = 20;
    public static final int MAX_DECIMAL_PLACES = 12;
    /** The rule a refusal names, in the words the README uses. */
    public static final String RULE = "a decimal number like 12.5 (at most " + MAX_INTEGER_DIGITS
            + " digits before the point and " + MAX_DECIMAL_PLACES + " after)";
    private static final Pattern TEXT = Pattern.compile(
            "[+-]?\\d{1," + MAX_INTEGER_DIGITS + "}(\\.\\d{1," + MAX_DECIMAL_PLACES + "})?([eE][+-]?\\d{1,2})?");

    private Decimals() {}

    /** The value of {@code text} when it follows the grammar; empty otherwise. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim();
        if (!TEXT.matcher(t).matches()) return Optional.empty();
        return bounded(new BigDecimal(t));
    }

    /** A JSON string or number that follows the grammar; empty for anything else (objects, arrays, booleans). */
    public static Optional<BigDecimal> read(JsonNode node) {
        if (node == null) return Optional.empty();
        if (node.isTextual()) return parse(node.textValue());
        // Jackson has read the number already (its own length limit applies); only its size is checked here.
        if (node.isNumber()) return bounded(node.decimalValue());
        return Optional.empty();
    }

    /** A JSON string or number that follows the grammar and is above zero. */
    public static Optional<BigDecimal> readPositive(JsonNode node) {
        return read(node).filter(d -> d.signum() > 0);
    }

    /** Whether a value already read (by Jackson into a record) keeps the grammar's bounds. */
    public static boolean inBounds(BigDecimal value) {
        return value == null || bounded(value).isPresent();
    }

    private static Optional<BigDecimal> bounded(BigDecimal value) {
        if (value.signum() == 0) return Optional.of(BigDecimal.ZERO);
        // precision − scale: digits before the point (≤ 0 for values below 1), computed without expanding the value.
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) return Optional.empty();
        if (value.scale() < 0) return Optional.of(value.setScale(0)); // 1.5e3 → 1500, at most 20 digits
        if (value.scale() <= MAX_DECIMAL_PLACES) return Optional.of(value); // as sent: "61250.50" stays so
        BigDecimal stripped = value.stripTrailingZeros(); // "1.0000000000000" has only 1 place that counts
        return stripped.scale() > MAX_DECIMAL_PLACES ? Optional.empty() : Optional.of(stripped);
    }
}
