package com.nija.shared.engine;

import com.nija.shared.problem.InvalidInputException.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which side of the entry a stop and a target belong on: a long's stop below it and its target above, a short's the
 * other way round. A level on the wrong side is already crossed when the position opens, so the first price tick
 * would close it at a loss. Checked twice: at intake against the signal's own prices, and in the engine against the
 * price the order fills at.
 */
public final class LevelRules {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private LevelRules() {}

    /**
     * The broken rules of a signal's own levels. {@code reference} is the signal's limit price (a limit order) or its
     * {@code price} (the sender's view of the market); null when it gives neither, and then only the levels' own
     * consistency is checked here — the engine checks them against the fill.
     */
    public static List<Violation> ofSignal(boolean isLong, BigDecimal reference, PriceLevel stop, PriceLevel target) {
        List<Violation> v = new ArrayList<>();
        String below = isLong ? "below" : "above";
        String above = isLong ? "above" : "below";
        String side = isLong ? "a buy" : "a sell";
        percent(v, "stopLoss", stop, isLong);
        percent(v, "takeProfit", target, !isLong);
        if (stop != null && stop.price() != null && reference != null && !beyond(stop.price(), reference, !isLong)) {
            v.add(new Violation("stopLoss", "must be " + below + " the entry price " + reference.toPlainString()
                    + " of " + side));
        }
        if (target != null && target.price() != null && reference != null && !beyond(target.price(), reference, isLong)) {
            v.add(new Violation("takeProfit", "must be " + above + " the entry price " + reference.toPlainString()
                    + " of " + side));
        }
        if (stop != null && target != null && stop.price() != null && target.price() != null
                && !beyond(target.price(), stop.price(), isLong)) {
            v.add(new Violation("takeProfit", "must be " + above + " the stop-loss of " + side));
        }
        return v;
    }

    /**
     * Why an opening order must not be placed: its stop or target is already crossed at {@code fillPrice}; empty when
     * both are on their side. Null levels are not set.
     */
    public static Optional<String> crossedAtFill(boolean isLong, BigDecimal fillPrice, BigDecimal stop, BigDecimal target) {
        if (stop != null && !beyond(stop, fillPrice, !isLong)) {
            return Optional.of("stop-loss " + stop.toPlainString() + " is already crossed at the fill price "
                    + fillPrice.toPlainString());
        }
        if (target != null && !beyond(target, fillPrice, isLong)) {
            return Optional.of("take-profit " + target.toPlainString() + " is already crossed at the fill price "
                    + fillPrice.toPlainString());
        }
        return Optional.empty();
    }

    /** A percentage level is a distance: above zero, and below 100% where it points down (a price can't reach 0). */
    private static void percent(List<Violation> v, String field, PriceLevel level, boolean pointsDown) {
        if (level == null || level.percent() == null) return;
        if (level.percent().signum() <= 0) {
            v.add(new Violation(field, "a percentage must be above 0 (it is the distance from the entry)"));
        } else if (pointsDown && level.percent().compareTo(HUNDRED) >= 0) {
            v.add(new Violation(field, "a percentage below the entry must be under 100"));
        }
    }

    /** Whether {@code level} is strictly above ({@code up}) or below {@code from}. */
    private static boolean beyond(BigDecimal level, BigDecimal from, boolean up) {
        int c = level.compareTo(from);
        return up ? c > 0 : c < 0;
    }
}
