package com.nija.shared.venues.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads fields of Alpaca's answers: numbers as {@link BigDecimal} from the strings Alpaca sends ({@code "0.001"};
 * a JSON number is accepted too, as alpaca-py's own fixtures show {@code "qty": 1}), times as RFC 3339. Anything else
 * is an answer NIJA cannot read: {@code UNKNOWN}, since the order it describes may well exist.
 */
final class AlpacaJson {
    /** Plain decimals only: Alpaca never sends exponents, and a huge one would make every later sum slow or fail. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,18})?");
    private static final int MAX_INTEGER_DIGITS = 30;
    private static final int MAX_SCALE = 18;

    private AlpacaJson() {}

    static String text(JsonNode parent, String field, String what) {
        return optionalText(parent, field, what).orElseThrow(() -> unreadable(what, field));
    }

    static Optional<String> optionalText(JsonNode parent, String field, String what) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) return Optional.empty();
        if (!node.isTextual() || node.textValue().isBlank()) throw unreadable(what, field);
        return Optional.of(node.textValue());
    }

    static BigDecimal decimal(JsonNode parent, String field, String what) {
        return optionalDecimal(parent, field, what).orElseThrow(() -> unreadable(what, field));
    }

    static Optional<BigDecimal> optionalDecimal(JsonNode parent, String field, String what) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) return Optional.empty();
        if (node.isTextual() && DECIMAL.matcher(node.textValue()).matches()) return Optional.of(new BigDecimal(node.textValue()));
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            if (value.scale() <= MAX_SCALE && value.precision() - value.scale() <= MAX_INTEGER_DIGITS) return Optional.of(value);
        }
        throw unreadable(what, field);
    }

    static Optional<Instant> optionalInstant(JsonNode parent, String field, String what) {
        Optional<String> text = optionalText(parent, field, what);
        if (text.isEmpty()) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(text.get(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            throw unreadable(what, field);
        }
    }

    static boolean flag(JsonNode parent, String field, String what) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) return false;
        if (!node.isBoolean()) throw unreadable(what, field);
        return node.booleanValue();
    }

    static BrokerException unreadable(String what, String field) {
        return new BrokerException(BrokerException.Kind.UNKNOWN, "Alpaca sent " + what + " whose " + field
                + " NIJA cannot read");
    }
}
