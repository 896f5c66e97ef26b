package com.nija.shared.data;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trader's account: tier, subscription status, bot state, the paper account's starting balance and the
 * count of consecutive broker errors (5 pause the bot). Cash is not stored: it is derived from the starting
 * balance, lifetime realized P&L and open positions (see {@code AccountValuation}), so no fill can skew it.
 */
public record ProfileItem(String pk, String sk, String userId, String displayName, String tier,
                          String subscriptionStatus, String botState, BigDecimal startingBalance, Long brokerErrors,
                          Instant createdAt, Instant updatedAt, Long version) {}
