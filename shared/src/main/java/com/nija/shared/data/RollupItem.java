package com.nija.shared.data;

import java.math.BigDecimal;

/**
 * P&L of one hour / day / week (or lifetime), updated with atomic {@code ADD} on every closing fill so
 * performance never scans trades. {@code closedTrades = wins + losses + breakEven}.
 */
public record RollupItem(String pk, String sk, String bucket, BigDecimal realizedPnl, BigDecimal fees,
                         Long closedTrades, Long wins, Long losses, BigDecimal grossProfit, BigDecimal grossLoss,
                         Long fills, BigDecimal volume, Long expiresAt) {}
