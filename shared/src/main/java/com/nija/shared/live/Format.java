package com.nija.shared.live;

import com.nija.shared.problem.InvalidInputException;
import java.util.Locale;

/** How pushes to a connection are encoded: JSON text frames (default) or MessagePack binary frames. */
public enum Format {
    JSON, MSGPACK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code json} or {@code msgpack} (any case); null means JSON. */
    public static Format parse(String raw) {
        if (raw == null || raw.isBlank()) return JSON;
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "msgpack" -> MSGPACK;
            default -> throw InvalidInputException.of("format", "must be json or msgpack, not '" + raw + "'");
        };
    }

    /** The stored form back; anything unreadable is JSON, the format every client understands. */
    public static Format stored(String value) {
        return "MSGPACK".equalsIgnoreCase(value) ? MSGPACK : JSON;
    }
}
