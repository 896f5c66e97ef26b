package com.nija.shared.data;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position. {@code gsi1pk = OPEN#<symbol>} only while open (sparse index for stop-loss/take-profit sweeps).
 * {@code fees} are all fees paid on it (entry and exit); {@code realizedPnl} is net of them once closed.
 * {@code venue}: the live venue it was opened on, where its close goes; absent for paper positions (old items included).
 * {@code closeRound}: how many partial closes reduced it (absent = none); each round's close has its own order id.
 * {@code exitPlan}: its {@link com.nija.shared.exits.PositionExits} as JSON (absent = none); {@code rungsDone}: how
 * many rungs of its ladder prices reached (absent = none). With a plan, {@code stopLoss} is the current stop (moved to
 * breakeven, trailing) and {@code quantity} what is left after scale-outs, whose realized P&L adds up in
 * {@code realizedPnl} while it is open. The scale-outs applied to it are also listed in the attribute {@code scaleOuts}
 * (a string set only conditional writes read; see {@code PositionRepository#scaleOutIfOpen}).
 */
public record PositionItem(String pk, String sk, String positionId, String userId, String symbol, String side,
                           BigDecimal quantity, BigDecimal entryPrice, String status, Instant openedAt,
                           Instant closedAt, BigDecimal exitPrice, BigDecimal realizedPnl, BigDecimal fees,
                           BigDecimal stopLoss, BigDecimal takeProfit, String gsi1pk, String gsi1sk,
                           Long expiresAt, Long version, String venue, Integer closeRound, String exitPlan,
                           Integer rungsDone) {

    /** A position without an exit plan (what every position was before ladders). */
    public PositionItem(String pk, String sk, String positionId, String userId, String symbol, String side,
                        BigDecimal quantity, BigDecimal entryPrice, String status, Instant openedAt,
                        Instant closedAt, BigDecimal exitPrice, BigDecimal realizedPnl, BigDecimal fees,
                        BigDecimal stopLoss, BigDecimal takeProfit, String gsi1pk, String gsi1sk,
                        Long expiresAt, Long version, String venue, Integer closeRound) {
        this(pk, sk, positionId, userId, symbol, side, quantity, entryPrice, status, openedAt, closedAt, exitPrice,
                realizedPnl, fees, stopLoss, takeProfit, gsi1pk, gsi1sk, expiresAt, version, venue, closeRound, null, null);
    }

    /** How many ladder rungs are done (0 when none, or no ladder). */
    public int rungs() {
        return rungsDone == null ? 0 : rungsDone;
    }

    /** This open position after prices reached {@code rungsDone} rungs and moved its stop to {@code stopLoss}. */
    public PositionItem withExitState(int rungsDone, BigDecimal stopLoss) {
        return new PositionItem(pk, sk, positionId, userId, symbol, side, quantity, entryPrice, status, openedAt,
                closedAt, exitPrice, realizedPnl, fees, stopLoss, takeProfit, gsi1pk, gsi1sk, expiresAt, version, venue,
                closeRound, exitPlan, rungsDone);
    }
}
