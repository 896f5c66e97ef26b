package com.nija.shared.engine;

import com.nija.shared.exits.Levels;
import java.math.BigDecimal;

/** A stop or a target: an absolute price, or a percentage away from the entry. Exactly one is set. */
public record PriceLevel(BigDecimal price, BigDecimal percent) {

    /** The price this level means for a position entered at {@code entry}; {@code below} for a long's stop. */
    public BigDecimal resolve(BigDecimal entry, boolean below) {
        return Levels.resolve(price, percent, entry, below);
    }
}
