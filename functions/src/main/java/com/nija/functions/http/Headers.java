package com.nija.functions.http;

import java.util.Map;
import java.util.Optional;

/** Header lookup in API Gateway events (HTTP API lower-cases names; WebSocket and hand-made events may not). */
public final class Headers {
    private Headers() {}

    /** The value of {@code name}, matched case-insensitively; empty when absent or the headers are null. */
    public static Optional<String> find(Map<String, String> headers, String name) {
        if (headers == null) return Optional.empty();
        String v = headers.get(name.toLowerCase());
        if (v == null) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) return Optional.ofNullable(e.getValue());
            }
        }
        return Optional.ofNullable(v);
    }
}
