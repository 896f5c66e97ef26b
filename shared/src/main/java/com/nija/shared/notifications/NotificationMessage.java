package com.nija.shared.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.shared.json.Json;

/** What travels on the notifications queue: one event for one trader. */
public record NotificationMessage(String traderId, NotificationEvent event) {

    public String write() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification message always serializes", e);
        }
    }

    /** @throws IllegalArgumentException when the body is not a notification message (it goes to the DLQ) */
    public static NotificationMessage read(String body) {
        try {
            NotificationMessage m = Json.MAPPER.readValue(body, NotificationMessage.class);
            if (m.traderId() == null || m.event() == null) throw new IllegalArgumentException("not a notification message");
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a notification message: " + e.getOriginalMessage());
        }
    }
}
