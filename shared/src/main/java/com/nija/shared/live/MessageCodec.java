package com.nija.shared.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nija.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.msgpack.jackson.dataformat.MessagePackFactory;

/**
 * Encodes pushed messages. Both formats carry the same tree: money as decimal strings, times as ISO-8601 strings,
 * absent fields left out, so a MessagePack message decodes to exactly what the JSON one parses to.
 */
public final class MessageCodec {
    private static final ObjectMapper MSGPACK = Json.configure(new ObjectMapper(new MessagePackFactory()));

    private MessageCodec() {}

    public static byte[] encode(Object message, Format format) {
        try {
            return mapper(format).writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a live message: " + e.getOriginalMessage(), e);
        }
    }

    /** A message back as plain maps, lists, strings and numbers (tests and clients written in Java). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> decode(byte[] bytes, Format format) {
        try {
            return mapper(format).readValue(bytes, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + format.wireName() + " message", e);
        }
    }

    private static ObjectMapper mapper(Format format) {
        return format == Format.MSGPACK ? MSGPACK : Json.MAPPER;
    }
}
