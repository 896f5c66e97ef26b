package com.nija.shared.data;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trader's account: tier, subscription status, bot state, the paper account's starting balance and the
 * count of consecutive broker errors (5 pause the bot). Cash is not stored: it is derived from the starting
 * balance, lifetime realized P&L and open positions (see {@code AccountValuation}), so no fill can skew it.
 *
 * <p>{@code gsi2pk = TRADERS}, {@code gsi2sk = <user id>} list every trader in id order for the admins' trader
 * directory (a query, never a scan); they are derived from the user id whenever a profile is built, so every profile
 * put is listed. Profiles written before the directory existed join it when next put.
 */
public record ProfileItem(String pk, String sk, String userId, String displayName, String tier,
                          String subscriptionStatus, String botState, BigDecimal startingBalance, Long brokerErrors,
                          Instant createdAt, Instant updatedAt, Long version, String gsi2pk, String gsi2sk) {
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
                createdAt, updatedAt, version, null, null);
    }
}
