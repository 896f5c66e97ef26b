package com.nija.shared.performance;

import java.math.BigDecimal;

/** Realized results of one time bucket (hour or day), zero where nothing closed. */
public record Bucket(String label, BigDecimal realizedPnl, BigDecimal fees, long closedTrades, long wins, long losses,
                     BigDecimal grossProfit, BigDecimal grossLoss) {

    public static Bucket empty(String label) {
        return new Bucket(label, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * This bucket with one more close counted as the roll-ups count it ({@link RollupRepository#addClose}): a close
     * with positive net P&L is a win, a negative one a loss, zero neither.
     *
     * @param fees every fee of the closed part (its entry share and the exit)
     */
    public Bucket plusClose(BigDecimal realized, BigDecimal fees) {
        int sign = realized.signum();
        return new Bucket(label, realizedPnl.add(realized), this.fees.add(fees), closedTrades + 1,
                wins + (sign > 0 ? 1 : 0), losses + (sign < 0 ? 1 : 0),
                sign > 0 ? grossProfit.add(realized) : grossProfit, sign < 0 ? grossLoss.subtract(realized) : grossLoss);
    }
}
