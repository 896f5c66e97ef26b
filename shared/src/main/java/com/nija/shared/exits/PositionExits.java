package com.nija.shared.exits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A position's exit plan, resolved at its entry fill: target prices (percentages taken from the fill price), each
 * rung's fraction, and the opening size and entry fees the fractions and fee shares are of. Stored on the position as
 * JSON; what changes as prices arrive (rungs done, the current stop) are the position's own attributes, so conditional
 * writes can guard them.
 */
public record PositionExits(List<BigDecimal> targets, List<BigDecimal> fractions, BigDecimal openingQuantity,
                            BigDecimal openingFees, Integer breakevenAfter, ExitPlan.Trailing trailing) {

    public PositionExits {
        targets = targets == null ? List.of() : List.copyOf(targets);
        fractions = fractions == null ? List.of() : List.copyOf(fractions);
    }

    /** The plan of a position entered at {@code entry} with {@code quantity}, paying {@code fee}; null without a plan. */
    public static PositionExits resolve(ExitPlan plan, boolean isLong, BigDecimal entry, BigDecimal quantity,
                                        BigDecimal fee) {
        if (plan == null) return null;
        return new PositionExits(plan.ladder().stream().map(r -> r.resolve(entry, isLong)).toList(),
                plan.ladder().stream().map(ExitPlan.Rung::fraction).toList(), quantity,
                fee == null ? BigDecimal.ZERO : fee, plan.breakevenAfter(), plan.trailing());
    }

    public int rungs() {
        return targets.size();
    }

    /** Whether {@code rung} (from 1) is the ladder's last: it closes what is left instead of its fraction. */
    public boolean last(int rung) {
        return rung == targets.size();
    }

    /** What rung {@code rung} sells or buys back: its fraction of the opening size, never more than {@code left}. */
    public BigDecimal quantityOf(int rung, BigDecimal left) {
        return openingQuantity.multiply(fractions.get(rung - 1)).setScale(openingQuantity.scale(), RoundingMode.DOWN)
                .min(left);
    }

    /** The share of the entry fees that {@code quantity} of the opening size carries (the same on every retry). */
    public BigDecimal feeShare(BigDecimal quantity) {
        if (openingQuantity.signum() == 0) return BigDecimal.ZERO;
        return openingFees.multiply(quantity).divide(openingQuantity, 10, RoundingMode.HALF_EVEN);
    }

    public String write() {
        return PlanJson.write(this);
    }

    /** Null for null (a position without a plan, old items included). */
    public static PositionExits read(String json) {
        return PlanJson.read(json, PositionExits.class);
    }
}
