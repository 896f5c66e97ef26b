package com.nija.shared.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.nija.shared.crypto.Envelope;
import com.nija.shared.json.Json;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Seals a channel's secrets the way broker keys are sealed (envelope encryption, AES-256-GCM), bound to the trader
 * and the channel: a sealed value copied onto another trader's or channel's item does not open. Channels without
 * secrets (email, Telegram) store nothing sealed.
 */
@Singleton
public class ChannelSecrets {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final Envelope envelope;

    public ChannelSecrets(Envelope envelope) {
        this.envelope = envelope;
    }

    /** The sealed form of {@code secrets}, or null when there are none. */
    public String seal(String userId, ChannelKind kind, Map<String, String> secrets) {
        if (secrets.isEmpty()) return null;
        try {
            return envelope.sealText(Json.MAPPER.writeValueAsString(secrets), associatedData(userId, kind));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    /** @throws com.nija.shared.crypto.EnvelopeOpenException when the sealed value was altered or copied */
    public Map<String, String> open(NotificationChannelItem channel) {
        if (channel.sealed() == null) return Map.of();
        String json = envelope.openText(channel.sealed(), associatedData(channel.userId(), channel.kind()));
        try {
            return Json.MAPPER.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sealed secrets of a " + channel.channel() + " channel are not a JSON object");
        }
    }

    static Map<String, String> associatedData(String userId, ChannelKind kind) {
        return Map.of("trader", userId, "channel", kind.wire(), "kind", "NOTIFICATION_CHANNEL");
    }
}
