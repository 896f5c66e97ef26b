package com.nija.shared.data;

import java.math.BigDecimal;

/**
 * P&L of one hour / day / week (or lifetime), updated with atomic {@code ADD} on every closed round trip so
 * performance never scans trades. {@code closedTrades = wins + losses + breakEven}; {@code fees} are the round
 * trips' entry and exit fees; {@code lastOrderId} guards against applying one close twice.
 */
public record RollupItem(String pk, String sk, String bucket, BigDecimal realizedPnl, BigDecimal fees,
                         Long closedTrades, Long wins, Long losses, BigDecimal grossProfit, BigDecimal grossLoss,
                         BigDecimal volume, String lastOrderId, Long expiresAt) {}
