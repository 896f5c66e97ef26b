package com.nija.shared.performance;

import java.math.BigDecimal;
import java.util.List;

/**
 * Performance over a period. Ratios are null where they are undefined (no trades, no losses, too few
 * buckets): a client shows "–", never a made-up number. {@code winRate} and {@code maxDrawdownPct} are
 * fractions in [0, 1]. {@code unrealizedPnl} is the open positions' price move net of the fees paid to open
 * them, so {@code endEquity} equals the account's cash plus positions at the latest prices.
 */
public record PerformanceReport(String period, String granularity, String from, String to,
                                BigDecimal startEquity, BigDecimal endEquity,
                                BigDecimal totalPnl, BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal fees,
                                long closedTrades, long wins, long losses, BigDecimal winRate, BigDecimal profitFactor,
                                BigDecimal averageWin, BigDecimal averageLoss, BigDecimal expectancy,
                                BigDecimal maxDrawdown, BigDecimal maxDrawdownPct, BigDecimal sharpe, BigDecimal sortino,
                                List<EquityPoint> equityCurve) {}
