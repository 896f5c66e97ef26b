package com.nija.shared.trading;

import com.nija.shared.exits.PositionExits;
import com.nija.shared.exits.ExitPlan;
import com.nija.shared.data.PositionItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A position as a trader sees it: open ones valued at the latest price, closed ones with their realized P&L;
 * {@code venue} names the live venue it was opened at (absent for paper positions). With an exit plan,
 * {@code quantity} is what remains after its scale-outs, {@code stopLoss} the current stop (breakeven, trailing),
 * {@code realizedPnl} includes what the scale-outs realized, and {@code exits} shows the plan and the rungs done.
 */
public record PositionView(String positionId, String symbol, String side, BigDecimal quantity, BigDecimal entryPrice,
                           String status, Instant openedAt, Instant closedAt, BigDecimal exitPrice,
                           BigDecimal currentPrice, BigDecimal marketValue, BigDecimal unrealizedPnl,
                           BigDecimal unrealizedPnlPct, BigDecimal realizedPnl, BigDecimal fees,
                           BigDecimal stopLoss, BigDecimal takeProfit, String venue, Exits exits) {

    /** A position's exit plan as resolved at its entry, and how many of its rungs prices have reached. */
    public record Exits(List<BigDecimal> targets, List<BigDecimal> fractions, BigDecimal openingQuantity,
                        int rungsDone, Integer breakevenAfter, ExitPlan.Trailing trailing) {

        /** Null for a position without a plan. */
        public static Exits of(PositionItem p) {
            PositionExits plan = PositionExits.read(p.exitPlan());
            if (plan == null) return null;
            return new Exits(plan.targets(), plan.fractions(), plan.openingQuantity(), p.rungs(), plan.breakevenAfter(),
                    plan.trailing());
        }
    }
}
