package com.nija.shared.data;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trader's account: tier, subscription status, bot state and the paper account's cash.
 * Cash excludes open positions' value: equity = cash + Σ long value − Σ short value.
 */
public record ProfileItem(String pk, String sk, String userId, String displayName, String tier,
                          String subscriptionStatus, String botState, BigDecimal startingBalance, BigDecimal cash,
                          Instant createdAt, Instant updatedAt, Long version) {}
