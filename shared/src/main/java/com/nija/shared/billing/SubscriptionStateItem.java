package com.nija.shared.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The newest state of one Stripe subscription that we applied. {@code stateKey} (event {@code created} × 10 + a rank:
 * created 0, updated 1, deleted 2) and {@code currentPeriodEndEpoch} order states, so a late, older event never
 * overwrites a newer one; a deleted subscription is final. {@code tier} is the tier of the current price;
 * {@code entitledTier} what the trader gets now (a mid-period downgrade keeps the old tier until the period ends,
 * then {@code pendingTier} applies). Money in major units of {@code currency}. Index keys: GSI1 lists subscriptions
 * by status (finance), GSI2 a customer's subscriptions.
 */
public record SubscriptionStateItem(String pk, String sk, String subscriptionId, String customerId, String userId,
                                    String status, String priceId, String tier, String entitledTier,
                                    String pendingTier, Instant pendingTierAt, String currency,
                                    BigDecimal monthlyAmount, String interval, Long intervalCount,
                                    Boolean cancelAtPeriodEnd, Instant cancelAt, Instant canceledAt, Instant endedAt,
                                    Instant trialStart, Instant trialEnd, Instant currentPeriodStart,
                                    Instant currentPeriodEnd, Instant startedAt, Instant createdAt,
                                    Instant pastDueSince, Boolean scheduled, String latestInvoiceId, Long stateKey,
                                    Long currentPeriodEndEpoch, String stateEventId, Instant updatedAt,
                                    String gsi1pk, String gsi1sk, String gsi2pk, String gsi2sk) {}
