package com.nija.shared.trading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.nija.shared.json.Json;
import com.nija.shared.problem.InvalidInputException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a listing over several index partitions stopped: which partition ({@code index}, e.g. a status or a month) and
 * the key after which to go on (null: from its start); {@code anchor}, when the listing has one, the instant its first
 * page resolved "now" to, so later pages list the same range. Written inside a signed {@link CursorCodec} cursor.
 */
public record PagePosition(int index, Map<String, String> lastKey, Instant anchor) {
    private static final TypeReference<Map<String, Object>> TYPE = new TypeReference<>() {};

    public static final PagePosition START = new PagePosition(0, null);

    public PagePosition(int index, Map<String, String> lastKey) {
        this(index, lastKey, null);
    }

    public String write() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("i", index);
        if (lastKey != null) json.put("k", lastKey);
        if (anchor != null) json.put("t", anchor.toEpochMilli());
        try {
            return Json.MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The position a verified cursor holds; a refusal naming {@code cursor} when its format is not this one. */
    @SuppressWarnings("unchecked")
    public static PagePosition read(String raw) {
        try {
            Map<String, Object> json = Json.MAPPER.readValue(raw, TYPE);
            int index = ((Number) json.get("i")).intValue();
            Map<String, String> key = null;
            if (json.get("k") instanceof Map<?, ?> k) {
                key = new HashMap<>();
                for (Map.Entry<String, String> e : ((Map<String, String>) k).entrySet()) {
                    String value = e.getValue(); // one that is not text fails here, inside the try
                    key.put(e.getKey(), value);
                }
            }
            Instant anchor = json.get("t") instanceof Number t ? Instant.ofEpochMilli(t.longValue()) : null;
            return new PagePosition(index, key, anchor);
        } catch (JsonProcessingException | RuntimeException e) {
            // The MAC verified, so only a change of format since it was issued gets here.
            throw InvalidInputException.of("cursor", "is not a cursor this listing issued; start again without it");
        }
    }

    /** One page of items and the key to go on after. */
    public record Slice<T>(List<T> items, Map<String, String> lastKey) {}
}
