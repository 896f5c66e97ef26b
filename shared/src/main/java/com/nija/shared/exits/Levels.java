package com.nija.shared.exits;

import java.math.BigDecimal;
import java.math.MathContext;

/** The one way a stop or a target given as a percentage becomes a price. */
public final class Levels {
    private Levels() {}

    /**
     * {@code price} when set, else the price {@code percent} away from {@code entry}: {@code below} it for a long's
     * stop or a short's target, above otherwise; never below zero.
     */
    public static BigDecimal resolve(BigDecimal price, BigDecimal percent, BigDecimal entry, boolean below) {
        if (price != null) return price;
        BigDecimal factor = BigDecimal.ONE.add(percent.movePointLeft(2).multiply(BigDecimal.valueOf(below ? -1 : 1)));
        return entry.multiply(factor, MathContext.DECIMAL64).stripTrailingZeros().max(BigDecimal.ZERO);
    }
}
