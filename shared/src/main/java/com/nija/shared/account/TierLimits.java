package com.nija.shared.account;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a subscription tier entitles a trader to. {@code -1} means unlimited; {@code maxPositionUsd} 0 means
 * paper trading only (no cap on simulated money); {@code strategies} lists allowed strategy ids ({@code *} = all).
 */
public record TierLimits(BigDecimal monthlyPrice, BigDecimal maxPositionUsd, Integer maxOpenPositions,
                         Integer tradesPerDay, Integer apiCallsPerMinute, Integer maxBrokers, Integer retentionDays,
                         Boolean liveTrading, List<String> strategies) {

    public boolean allowsStrategy(String strategy) {
        return strategies == null || strategies.contains("*") || strategies.contains(strategy);
    }
}
