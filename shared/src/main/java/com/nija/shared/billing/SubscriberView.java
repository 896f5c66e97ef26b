package com.nija.shared.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** One subscription as finance reconciles it against Stripe. {@code userId} is null until checkout links it. */
public record SubscriberView(String subscriptionId, String customerId, String userId, String status, String tier,
                             String entitledTier, String pendingTier, String priceId, String currency,
                             BigDecimal monthlyAmount, String interval, Instant startedAt, Instant currentPeriodEnd,
                             Boolean cancelAtPeriodEnd, Instant trialEnd, Instant pastDueSince, Instant endedAt) {}
