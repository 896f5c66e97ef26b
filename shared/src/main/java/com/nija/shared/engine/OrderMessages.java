package com.nija.shared.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The wire form of queued work: JSON bodies, and FIFO deduplication ids that fit SQS's 128-character limit. */
public final class OrderMessages {
    private OrderMessages() {}

    public static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serializable", e);
        }
    }

    public static OrderRequest readOrder(String body) {
        return read(body, OrderRequest.class);
    }

    public static Signal readSignal(String body) {
        return read(body, Signal.class);
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable message: " + e.getOriginalMessage(), e);
        }
    }

    /** Dedup id = hash(signal id, user id): the same trader never gets the same signal twice within SQS's window. */
    public static String dedupId(String signalId, String userId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((signalId + "\n" + userId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
