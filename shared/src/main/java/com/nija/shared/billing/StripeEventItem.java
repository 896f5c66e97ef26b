package com.nija.shared.billing;

import java.time.Instant;

/**
 * A Stripe event we received, keyed by its id: the conditional put that records it is the claim that lets exactly one
 * delivery apply the event. {@code state} RECEIVED while the delivery named by {@code claimId} applies it (since
 * {@code claimedAt}), PROCESSED once applied; {@code outcome} says what applying did (applied, stale, ignored,
 * unlinked…), for support and reconciliation.
 */
public record StripeEventItem(String pk, String sk, String eventId, String type, String objectId, Instant eventCreated,
                              Boolean livemode, String apiVersion, String state, String outcome, Instant receivedAt,
                              Instant processedAt, Long expiresAt, String claimId, Instant claimedAt) {
    public static final String RECEIVED = "RECEIVED";
    public static final String PROCESSED = "PROCESSED";

    /** When the current claim was taken; items written before claims had ids carry only {@code receivedAt}. */
    public Instant claimTime() {
        return claimedAt != null ? claimedAt : receivedAt;
    }
}
