package com.nija.shared.billing;

import java.time.Instant;

/**
 * A Stripe event we received, keyed by its id: the conditional put that records it is what makes the webhook
 * idempotent. {@code state} RECEIVED while it is being applied, PROCESSED once applied; {@code outcome} says what
 * applying did (applied, stale, ignored, unlinked…), for support and reconciliation.
 */
public record StripeEventItem(String pk, String sk, String eventId, String type, String objectId, Instant eventCreated,
                              Boolean livemode, String apiVersion, String state, String outcome, Instant receivedAt,
                              Instant processedAt, Long expiresAt) {
    public static final String RECEIVED = "RECEIVED";
    public static final String PROCESSED = "PROCESSED";
}
