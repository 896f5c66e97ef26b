package com.nija.shared.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The one JSON mapper: money ({@link BigDecimal}) is written as a plain decimal string so no client ever
 * parses it into a float; instants as ISO-8601; unknown input fields ignored.
 */
public final class Json {
    public static final ObjectMapper MAPPER = configure(new ObjectMapper());
    /**
     * Request bodies from outside: exactly one JSON document, each field named once, and no guessing at types — a
     * fraction is not a whole number ({@code 1.9} is not truncated to 1), a number or a string is not a boolean, one
     * value is not a list. Stored items and cached views keep the lenient {@link #MAPPER}: what we wrote ourselves
     * must stay readable.
     */
    public static final ObjectReader REQUEST = strict(configure(new ObjectMapper())).readerFor(Object.class);

    private Json() {}

    /**
     * Text from outside read as a JSON tree; empty when it is blank or not JSON — including a number Jackson cannot
     * hold (an exponent beyond an int, {@code 1e888888888888}), which it reports as a {@code NumberFormatException}.
     */
    public static Optional<JsonNode> readTree(String raw) {
        if (raw == null || raw.isBlank()) return Optional.empty();
        try {
            return Optional.ofNullable(MAPPER.readTree(raw));
        } catch (JsonProcessingException | NumberFormatException notJson) {
            return Optional.empty();
        }
    }

    /** Gives {@code mapper} (over JSON or another format, such as MessagePack) the platform's settings. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        return mapper;
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Collection)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }
}
