package com.nija.shared.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.nija.shared.problem.InvalidInputException;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a body Jackson could not read into a refusal in product words: which field, and what it must be. Jackson's
 * own messages name Java types and reference chains ({@code Cannot deserialize value of type `java.lang.Integer`},
 * {@code (through reference chain: …)}), so none of their text reaches a client; only the position does.
 */
public final class JsonRefusals {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([A-Za-z0-9_]{1,64})'");

    private JsonRefusals() {}

    /** A malformed-request refusal (400) for a body that did not read as the route's JSON. */
    public static InvalidInputException of(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return InvalidInputException.of("body", "has a value too long or nesting too deep" + at(e));
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonParseException) {
            Matcher duplicate = DUPLICATE.matcher(message);
            if (duplicate.find()) return InvalidInputException.of(duplicate.group(1), "is given more than once");
            if (message.startsWith("Duplicate field")) return InvalidInputException.of("body", "names a field twice" + at(e));
            return InvalidInputException.of("body", "is not valid JSON" + at(e));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return InvalidInputException.of(field(mapping), expected(target));
        }
        if (message.startsWith("Trailing token")) {
            return InvalidInputException.of("body", "must be exactly one JSON object with nothing after it" + at(e));
        }
        return InvalidInputException.of("body", "must be a JSON object with this request's fields" + at(e));
    }

    /** {@code allowedSymbols[2]}, {@code stop.price}: where in the body the bad value is. */
    private static String field(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) out.append('.');
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) return "has a value of the wrong kind";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type) || type == double.class) {
            return "must be a number (or a number in a string)";
        }
        if (type == Boolean.class || type == boolean.class) return "must be true or false";
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return "must be a list";
        if (type == String.class) return "must be text";
        if (Temporal.class.isAssignableFrom(type)) return "must be a time like 2026-11-27T10:15:30Z";
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "must be a JSON object";
        return "has a value of the wrong kind";
    }

    private static String at(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        return where == null || where.getLineNr() < 1 ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }
}
