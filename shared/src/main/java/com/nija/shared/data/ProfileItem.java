package com.nija.shared.data;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trader's account: tier, subscription status, bot state, the paper account's starting balance and the
 * count of consecutive broker errors (5 pause the bot), and the trial the sign-up granted ({@code trialTier} until
 * {@code trialEndsAt}: stored as granted, so a later change of the trial's configuration never shortens a running
 * one). Cash is not stored: it is derived from the starting
 * balance, lifetime realized P&L and open positions (see {@code AccountValuation}), so no fill can skew it.
 *
 * <p>{@code gsi2pk = TRADERS}, {@code gsi2sk = <user id>} list every trader in id order for the admins' trader
 * directory (a query, never a scan); they are derived from the user id whenever a profile is built, so every profile
 * put is listed. Profiles written before the directory existed join it when next put.
 */
public record ProfileItem(String pk, String sk, String userId, String displayName, String tier,
                          String subscriptionStatus, String botState, BigDecimal startingBalance, Long brokerErrors,
                          Instant createdAt, Instant updatedAt, Long version, String trialTier, Instant trialEndsAt,
                          String gsi2pk, String gsi2sk) {
    /** The directory's index partition. */
    public static final String DIRECTORY = "TRADERS";

    public ProfileItem {
        if (userId != null) {
            gsi2pk = DIRECTORY;
            gsi2sk = userId;
        }
    }

    public ProfileItem(String pk, String sk, String userId, String displayName, String tier,
                       String subscriptionStatus, String botState, BigDecimal startingBalance, Long brokerErrors,
                       Instant createdAt, Instant updatedAt, Long version) {
        this(pk, sk, userId, displayName, tier, subscriptionStatus, botState, startingBalance, brokerErrors,
                createdAt, updatedAt, version, null, null, null, null);
    }

    /** A profile with the trial its sign-up granted: {@code trialTier} until {@code trialEndsAt}. */
    public ProfileItem(String pk, String sk, String userId, String displayName, String tier,
                       String subscriptionStatus, String botState, BigDecimal startingBalance, Long brokerErrors,
                       Instant createdAt, Instant updatedAt, Long version, String trialTier, Instant trialEndsAt) {
        this(pk, sk, userId, displayName, tier, subscriptionStatus, botState, startingBalance, brokerErrors,
                createdAt, updatedAt, version, trialTier, trialEndsAt, null, null);
    }

    /** True while the sign-up trial runs at {@code now}. */
    public boolean trialRunsAt(Instant now) {
        return trialTier != null && trialEndsAt != null && now.isBefore(trialEndsAt);
    }

    /** The profile's own tier at {@code now}: the trial's while it runs, else {@code tier}. */
    public String tierAt(Instant now) {
        return trialRunsAt(now) ? trialTier : tier;
    }
}
