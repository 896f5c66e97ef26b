package com.nija.shared.billing;

import com.nija.shared.account.TierLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/billing/plans}: every tier with its limits and what Checkout sells it for.
 *
 * @param plans      cheapest first; the free tier has no prices
 * @param trial      the trial a first Checkout of the caller grants (none once they had a subscription)
 * @param pricesAsOf when the prices were read from Stripe
 */
public record PlansView(List<Plan> plans, Trial trial, Instant pricesAsOf) {

    /** A tier: its limits, and its price per interval ({@code month}, {@code year}) where it is sold. */
    public record Plan(String plan, TierLimits limits, Map<String, Price> prices) {}

    /** A Stripe price; {@code amount} in major units of {@code currency} (an exact decimal string). */
    public record Price(String priceId, BigDecimal amount, String currency) {}

    public record Trial(int days, boolean eligible) {}
}
