package com.nija.shared.performance;

import java.math.BigDecimal;

/** Realized results of one time bucket (hour or day), zero where nothing closed. */
public record Bucket(String label, BigDecimal realizedPnl, BigDecimal fees, long closedTrades, long wins, long losses,
                     BigDecimal grossProfit, BigDecimal grossLoss) {

    public static Bucket empty(String label) {
        return new Bucket(label, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
