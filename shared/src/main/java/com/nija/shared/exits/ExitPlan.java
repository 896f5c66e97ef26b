package com.nija.shared.exits;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a signal wants its position managed after entry, for any source: a take-profit {@code ladder} whose rungs each
 * close a fraction of the opening size (the fractions add up to 1, so the last rung closes what is left), the stop moved
 * to the entry once rung {@code breakevenAfter} is done, and a {@code trailing} stop from its activation rung on. Each
 * part is optional. Rung numbers count from 1; {@code 0} for a trailing stop means from the entry.
 */
public record ExitPlan(List<Rung> ladder, Integer breakevenAfter, Trailing trailing) {
    /** At most this many rungs: every rung is an order, and a signal sender's ladder is no price feed. */
    public static final int MAX_RUNGS = 10;

    public ExitPlan {
        ladder = ladder == null ? List.of() : List.copyOf(ladder);
    }

    public String write() {
        return PlanJson.write(this);
    }

    /** Null for null (an order without a plan, old items included). */
    public static ExitPlan read(String json) {
        return PlanJson.read(json, ExitPlan.class);
    }

    /**
     * One target — an absolute {@code price}, or a {@code percent} away from the entry (exactly one is set) — and the
     * fraction of the opening size it closes (0 &lt; fraction &le; 1).
     */
    public record Rung(BigDecimal price, BigDecimal percent, BigDecimal fraction) {

        /** The target's price for a position entered at {@code entry}: above it for a long, below for a short. */
        public BigDecimal resolve(BigDecimal entry, boolean isLong) {
            return Levels.resolve(price, percent, entry, !isLong);
        }
    }

    /**
     * A stop that follows the best price at {@code percent} of the price or an absolute {@code distance} (an ATR
     * multiple is sent as its distance); exactly one is set. Active once rung {@code after} is done.
     */
    public record Trailing(BigDecimal percent, BigDecimal distance, int after) {

        /** How far below (a long's) or above (a short's) {@code price} the stop trails. */
        public BigDecimal distanceAt(BigDecimal price) {
            return distance != null ? distance : price.multiply(percent).movePointLeft(2);
        }
    }
}
