package com.nija.shared.engine;

import java.math.BigDecimal;
import java.math.MathContext;

/** A stop or a target: an absolute price, or a percentage away from the entry. Exactly one is set. */
public record PriceLevel(BigDecimal price, BigDecimal percent) {

    /** The price this level means for a position entered at {@code entry}; {@code below} for a long's stop. */
    public BigDecimal resolve(BigDecimal entry, boolean below) {
        if (price != null) return price;
        BigDecimal factor = BigDecimal.ONE.add(percent.movePointLeft(2).multiply(BigDecimal.valueOf(below ? -1 : 1)));
        return entry.multiply(factor, MathContext.DECIMAL64).stripTrailingZeros().max(BigDecimal.ZERO);
    }
}
