package com.nija.shared.venues.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.trading.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads fields of Binance's JSON answers. Anything missing or malformed is an {@code UNKNOWN} {@link BrokerException}
 * (we cannot tell what the answer said, so an order it concerns may exist); numbers follow {@link Decimals}' bounded
 * grammar before anything computes with them.
 */
final class BinanceJson {
    /** Year 3000 in ms: a bound that keeps {@link Instant#ofEpochMilli} from failing on a hostile number. */
    private static final long LATEST_MILLIS = 32_503_680_000_000L;

    private BinanceJson() {}

    static BigDecimal decimal(JsonNode node, String field) {
        return Decimals.read(node.get(field)).orElseThrow(() -> unreadable(field));
    }

    static Optional<BigDecimal> optionalDecimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return Optional.empty();
        return Optional.of(Decimals.read(value).orElseThrow(() -> unreadable(field)));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) throw unreadable(field);
        return value.textValue();
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) throw unreadable(field);
        return value.booleanValue();
    }

    static long integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) throw unreadable(field);
        return value.longValue();
    }

    static long millis(JsonNode node, String field) {
        long millis = integer(node, field);
        if (millis < 0 || millis > LATEST_MILLIS) throw unreadable(field);
        return millis;
    }

    static Instant instant(JsonNode node, String field) {
        return Instant.ofEpochMilli(millis(node, field));
    }

    static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) throw unreadable(field);
        return value;
    }

    static JsonNode object(JsonNode node) {
        if (node == null || !node.isObject()) throw unreadable("the answer");
        return node;
    }

    static BrokerException unreadable(String field) {
        return new BrokerException(BrokerException.Kind.UNKNOWN, "unreadable answer from Binance: " + field
                + " is missing or malformed");
    }
}
