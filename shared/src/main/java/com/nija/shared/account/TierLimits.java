package com.nija.shared.account;

import java.math.BigDecimal;

/** What a subscription tier entitles a trader to. {@code -1} means unlimited. */
public record TierLimits(BigDecimal monthlyPrice, BigDecimal maxPositionUsd, Integer maxOpenPositions,
                         Integer tradesPerDay, Integer apiCallsPerMinute, Integer maxBrokers, Integer retentionDays,
                         Boolean liveTrading) {}
