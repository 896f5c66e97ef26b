package com.nija.shared.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** P&L arithmetic on exact decimals; money rounds half-even to cents only at the edge. */
public final class PositionMath {
    public static final int MONEY_SCALE = 2;

    private PositionMath() {}

    /** Price move on the position: (price − entry) × qty for a long, the reverse for a short. Fees excluded. */
    public static BigDecimal unrealizedPnl(Side side, BigDecimal quantity, BigDecimal entryPrice, BigDecimal price) {
        return price.subtract(entryPrice).multiply(quantity).multiply(BigDecimal.valueOf(side.sign()));
    }

    /** Market value signed by side: what the position adds to equity (a short owes its value). */
    public static BigDecimal signedValue(Side side, BigDecimal quantity, BigDecimal price) {
        return quantity.multiply(price).multiply(BigDecimal.valueOf(side.sign()));
    }

    /** Percentage of {@code part} in {@code whole}, 2 decimals; zero when the whole is zero. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) return BigDecimal.ZERO.setScale(2);
        return part.multiply(BigDecimal.valueOf(100)).divide(whole.abs(), 2, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
    }
}
