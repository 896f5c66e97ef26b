package com.nija.shared.notifications;

import java.time.Instant;

/**
 * One event on one channel, as the trader's delivery log shows it ({@code sk = NOTIFY#DLV#<time>#<event id>#<channel>}):
 * created once (a conditional put, so a repeated message never sends twice), then updated with each attempt.
 *
 * @param status    {@link DeliveryStatus} by name
 * @param lastError what went wrong in the last attempt, in words that never quote a secret
 * @param expiresAt epoch seconds after which DynamoDB removes the entry
 */
public record NotificationDeliveryItem(String pk, String sk, String userId, String eventId, String event,
                                       String channel, String status, Long attempts, String lastError, String summary,
                                       Instant occurredAt, Instant updatedAt, Instant deliveredAt, Long expiresAt) {

    public DeliveryStatus deliveryStatus() {
        return DeliveryStatus.valueOf(status);
    }

    public NotificationDeliveryItem attempted(DeliveryStatus next, String error, Instant at) {
        return new NotificationDeliveryItem(pk, sk, userId, eventId, event, channel, next.name(),
                (attempts == null ? 0 : attempts) + 1, error, summary, occurredAt, at,
                next == DeliveryStatus.DELIVERED ? at : deliveredAt, expiresAt);
    }

    public NotificationDeliveryItem skipped(String why, Instant at) {
        return new NotificationDeliveryItem(pk, sk, userId, eventId, event, channel, DeliveryStatus.SKIPPED.name(),
                attempts, why, summary, occurredAt, at, deliveredAt, expiresAt);
    }
}
