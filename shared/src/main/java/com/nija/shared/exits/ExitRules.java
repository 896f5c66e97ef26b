package com.nija.shared.exits;

import com.nija.shared.order.OrderTrigger;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What one price does to a position with an exit plan, in the order {@link com.nija.shared.strategy.ApexTradePlan}
 * (the backtests' reference) reads a bar: a crossed stop closes everything first; then each target reached, in order,
 * is a scale-out (the last rung closes what is left), with the stop moved to the entry once the breakeven rung is done;
 * then an active trailing stop follows the price. The stop only ever tightens. Pure: the price path keeps the state.
 */
public final class ExitRules {
    private ExitRules() {}

    /** What the price path knows of a position between prices: rungs done and the current stop (null: none). */
    public record State(int rungsDone, BigDecimal stop) {}

    /**
     * What one price caused: the state after it, the rungs (from 1) to scale out now, and the trigger of a close of
     * everything left ({@code STOP_LOSS}, or {@code TAKE_PROFIT} for the last rung), or null.
     */
    public record Step(State next, List<Integer> scaleOuts, OrderTrigger close) {}

    public static Step onPrice(PositionExits plan, boolean isLong, BigDecimal entry, State state, BigDecimal price) {
        BigDecimal stop = state.stop();
        if (stop != null && !beyond(price, stop, isLong)) {
            return new Step(state, List.of(), OrderTrigger.STOP_LOSS);
        }
        int done = state.rungsDone();
        List<Integer> scaleOuts = new ArrayList<>();
        while (done < plan.rungs() && !beyond(plan.targets().get(done), price, isLong)) {
            done++;
            if (plan.last(done)) return new Step(new State(done, stop), scaleOuts, OrderTrigger.TAKE_PROFIT);
            scaleOuts.add(done);
            if (plan.breakevenAfter() != null && plan.breakevenAfter() == done) stop = tighter(stop, entry, isLong);
        }
        ExitPlan.Trailing trailing = plan.trailing();
        if (trailing != null && done >= trailing.after()) {
            BigDecimal distance = trailing.distanceAt(price);
            stop = tighter(stop, isLong ? price.subtract(distance) : price.add(distance), isLong);
        }
        return new Step(new State(done, stop), scaleOuts, null);
    }

    /** The tighter of two stops: the higher for a long, the lower for a short; a stop never loosens. */
    public static BigDecimal tighter(BigDecimal stop, BigDecimal candidate, boolean isLong) {
        if (stop == null) return candidate;
        return isLong ? stop.max(candidate) : stop.min(candidate);
    }

    /** Whether {@code level} is strictly above (a long) or below (a short) {@code from}. */
    private static boolean beyond(BigDecimal level, BigDecimal from, boolean isLong) {
        int c = level.compareTo(from);
        return isLong ? c > 0 : c < 0;
    }
}
