package com.nija.shared.billing;

import com.nija.shared.data.ProfileItem;
import java.time.Instant;
import java.util.Set;

/**
 * What billing allows a trader at one instant, for the engine: the tier in force and whether new orders are stopped
 * (a past_due or unpaid subscription whose grace period is over). Billing never closes positions: exits and closes
 * are always allowed. {@link #UNRESTRICTED} is a trader without billing state (their profile's tier applies).
 */
public record BillingStanding(String status, String tier, boolean newOrdersStopped, Instant graceEndsAt) {
    public static final BillingStanding UNRESTRICTED = new BillingStanding(null, null, false, null);

    /** Statuses whose grace period can run out. */
    static final Set<String> DUNNING = Set.of("past_due", "unpaid");

    /** The standing a stored billing view gives at {@code now}. */
    public static BillingStanding of(BillingAccountItem account, Instant now) {
        if (account == null) return UNRESTRICTED;
        boolean stopped = DUNNING.contains(account.status()) && account.graceEndsAt() != null
                && !now.isBefore(account.graceEndsAt());
        return new BillingStanding(account.status(), tierAt(account, now), stopped, account.graceEndsAt());
    }

    /**
     * The one answer to "which tier does this trader have now": a subscription's (billing's view, whatever its status
     * says the period brings) when they have one, else their sign-up trial's while it runs, else their profile's. A
     * trader who subscribes during the trial gets what they bought (Stripe runs the rest of the trial).
     */
    public static String tierInForce(BillingAccountItem billing, ProfileItem profile, Instant now) {
        if (subscribed(billing)) return tierAt(billing, now);
        return profile.tierAt(now);
    }

    /** True when the trader has (or had) a subscription: a billing view that is not the empty "none" one. */
    public static boolean subscribed(BillingAccountItem billing) {
        return billing != null && billing.status() != null && !"none".equals(billing.status());
    }

    /** The tier in force at {@code now}: {@code tier}, or {@code tierAfter} once {@code tierUntil} has passed. */
    public static String tierAt(BillingAccountItem account, Instant now) {
        if (account.tierUntil() != null && !now.isBefore(account.tierUntil()) && account.tierAfter() != null) {
            return account.tierAfter();
        }
        return account.tier();
    }
}
