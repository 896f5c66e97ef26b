package com.nija.shared.notifications;

import java.time.Instant;

/** One entry of the trader's delivery log. */
public record DeliveryView(String eventId, String event, String channel, String status, long attempts,
                           String summary, String lastError, Instant occurredAt, Instant updatedAt,
                           Instant deliveredAt) {

    static DeliveryView of(NotificationDeliveryItem d) {
        return new DeliveryView(d.eventId(), d.event(), d.channel(), d.status().toLowerCase(java.util.Locale.ROOT),
                d.attempts() == null ? 0 : d.attempts(), d.summary(), d.lastError(), d.occurredAt(), d.updatedAt(),
                d.deliveredAt());
    }
}
