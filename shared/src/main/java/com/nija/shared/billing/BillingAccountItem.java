package com.nija.shared.billing;

import java.time.Instant;

/**
 * A trader's billing view ({@code USER#<id> / BILLING}), projected from the stored Stripe state every time it
 * changes: what {@code GET /api/v1/account} shows and what the engine's {@link BillingStanding} is read from.
 * {@code tier} applies until {@code tierUntil} (when set), {@code tierAfter} from then on (a downgrade or the fall
 * back to free at period end). New orders stop from {@code graceEndsAt} while the status stays past_due/unpaid.
 */
public record BillingAccountItem(String pk, String sk, String userId, String customerId, String subscriptionId,
                                 String status, String priceId, String interval, String tier, Instant tierUntil,
                                 String tierAfter, Instant currentPeriodEnd, Boolean cancelAtPeriodEnd,
                                 Instant cancelAt, Instant trialEnd, Instant pastDueSince, Instant graceEndsAt,
                                 String paymentState, String hostedInvoiceUrl, Instant lastPaymentFailedAt,
                                 Instant updatedAt, Long version) {}
