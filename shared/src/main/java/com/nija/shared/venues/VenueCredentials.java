package com.nija.shared.venues;

import java.util.Map;
import java.util.Objects;

/**
 * One trader's key at one venue, opened from its sealed form only for the call that needs it. {@code fields} holds
 * the venue's {@link Venue#credentialFields()}; {@code sandbox} is its sandbox flag (OKX demo, Binance testnet,
 * Alpaca paper). {@link #toString()} never shows a secret, so a log line or exception cannot leak one.
 */
public record VenueCredentials(Venue venue, Map<String, String> fields, boolean sandbox) {

    public VenueCredentials {
        Objects.requireNonNull(venue, "venue");
        fields = Map.copyOf(fields);
        for (String f : venue.credentialFields()) {
            if (fields.get(f) == null || fields.get(f).isEmpty()) throw new IllegalArgumentException("missing " + f);
        }
    }

    /** The credential field {@code name} ({@code apiKey}, {@code privateKey}, …). */
    public String field(String name) {
        String value = fields.get(name);
        if (value == null) throw new IllegalArgumentException(venue.wire() + " has no field " + name);
        return value;
    }

    /** The key's public identifier (key name / API key / key id): what rate limits and nonces are counted per. */
    public String keyId() {
        return fields.get(venue.credentialFields().get(0));
    }

    /** The last 4 characters of the key's identifier, what the trader sees to tell keys apart. */
    public String keyHint() {
        String id = keyId();
        return "…" + id.substring(Math.max(0, id.length() - 4));
    }

    @Override
    public String toString() {
        return "VenueCredentials[" + venue.wire() + " " + keyHint() + (sandbox ? " sandbox" : "") + "]";
    }
}
