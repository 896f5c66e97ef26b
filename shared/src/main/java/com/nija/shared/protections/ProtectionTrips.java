package com.nija.shared.protections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.shared.json.Json;
import java.io.UncheckedIOException;
import java.util.List;

/** The state's trip log entries, our own JSON of {@link ProtectionTrip}. */
public final class ProtectionTrips {
    private ProtectionTrips() {}

    public static String write(ProtectionTrip trip) {
        try {
            return Json.MAPPER.writeValueAsString(trip);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log, newest first; an entry that no longer reads (written by an older version) is left out. */
    static List<ProtectionTrip> read(List<String> log) {
        return log.stream().flatMap(entry -> {
            try {
                return java.util.stream.Stream.of(Json.MAPPER.readValue(entry, ProtectionTrip.class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return java.util.stream.Stream.empty();
            }
        }).toList();
    }
}
