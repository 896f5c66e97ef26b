package com.nija.shared.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Finance figures for one month, from stored state only (no Stripe calls). Subscriber counts are taken at
 * {@code asOf}: the end of the month, or now for the current month. Money is exact, per currency, in major units.
 *
 * @param subscribers      live subscriptions at {@code asOf} by tier, then by status
 * @param newSubscriptions subscriptions that started in the month (trials included)
 * @param churned          paying subscriptions that ended in the month
 * @param churnRate        churned / paying subscriptions at the start of the month (4 decimals); null when none paid
 * @param failedPayments   failed payment attempts in the month
 */
public record BillingMetrics(String month, Instant asOf, List<Revenue> revenue,
                             Map<String, Map<String, Integer>> subscribers, int activeSubscribers,
                             int payingSubscribers, int newSubscriptions, int churned, int payingAtStart,
                             BigDecimal churnRate, FailedPayments failedPayments) {

    /** MRR (monthly list price of active and past_due subscriptions), ARR = 12 × MRR, ARPU = MRR / paying. */
    public record Revenue(String currency, BigDecimal mrr, BigDecimal arr, BigDecimal arpu, int payingSubscribers) {}

    public record FailedPayments(int count, List<Amount> amounts) {}

    public record Amount(String currency, BigDecimal amount) {}
}
