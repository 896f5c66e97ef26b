package com.nija.shared.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One fill of a backtest: an entry, a scale-out at a take-profit rung, or a close (stop, breakeven, trailing stop,
 * last rung, or a signal). {@code realizedPnl} is net of fees and null for an entry; {@code why} says what caused it.
 */
public record BacktestTrade(Instant at, String symbol, String positionId, String side, String why, BigDecimal quantity,
                            BigDecimal price, BigDecimal fee, BigDecimal realizedPnl) {}
