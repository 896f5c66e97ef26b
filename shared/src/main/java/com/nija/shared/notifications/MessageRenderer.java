package com.nija.shared.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.shared.json.Json;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an event as the trader reads it. Events carry no secrets by construction; as a second line of defence every
 * secret the delivery knows of (the channel's signing secret and tokens, the platform's bot token) is replaced by
 * {@value #REDACTED} wherever it would appear, so even a refusal reason that quoted one cannot leak it.
 */
public final class MessageRenderer {
    static final String REDACTED = "[redacted]";
    /** Shorter values are not redacted: they would match ordinary words and numbers. */
    private static final int MIN_SECRET = 8;

    private MessageRenderer() {}

    public static RenderedMessage render(NotificationEvent event, Collection<String> secrets) {
        String subject = "NIJA: " + event.summary();
        StringBuilder text = new StringBuilder(event.summary()).append("\n");
        event.facts().forEach((name, value) -> text.append('\n').append(name).append(": ").append(value));
        text.append("\n\nat ").append(event.occurredAt()).append(" (event ").append(event.id()).append(')')
                .append("\nChoose what you hear about: GET/PUT /api/v1/notifications/preferences");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", event.id());
        doc.put("type", event.type().wire());
        doc.put("occurredAt", event.occurredAt().toString());
        doc.put("summary", event.summary());
        doc.put("data", event.facts());
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event always serializes", e);
        }
        return new RenderedMessage(redact(truncate(subject, 200), secrets), redact(text.toString(), secrets),
                redact(json, secrets));
    }

    static String redact(String text, Collection<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET) out = out.replace(secret, REDACTED);
        }
        return out;
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
