package com.nija.shared.engine;

import com.nija.shared.exits.PositionExits;
import com.nija.shared.exits.ExitPlan;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.TradeItem;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.performance.RollupRepository;
import com.nija.shared.trading.PositionMath;
import com.nija.shared.trading.PositionRepository;
import com.nija.shared.trading.PositionStatus;
import com.nija.shared.trading.Side;
import com.nija.shared.trading.TradeRepository;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a filled order to the trader's books: position, trade, roll-ups. Every step is idempotent (conditional
 * or keyed by the order id), so applying the same order again — after a crash half-way — completes what is
 * missing and changes nothing else.
 */
@Singleton
public class PositionLedger {
    static final Duration TRADE_RETENTION = Duration.ofDays(90);

    private final PositionRepository positions;
    private final TradeRepository trades;
    private final RollupRepository rollups;

    public PositionLedger(PositionRepository positions, TradeRepository trades, RollupRepository rollups) {
        this.positions = positions;
        this.trades = trades;
        this.rollups = rollups;
    }

    public Optional<PositionItem> position(String userId, String positionId) {
        return positions.find(userId, positionId);
    }

    /**
     * Retires {@code closeId} if it is still the open position's close id: the position moves to its next close round,
     * so its next close is a new order (a venue keeps a close that ended unfilled, or was refused, under the old id).
     */
    public void retireCloseId(String userId, String positionId, String closeId) {
        positions.find(userId, positionId)
                .filter(p -> PositionStatus.OPEN.name().equals(p.status()) && closeId.equals(OrderIds.close(p)))
                .ifPresent(p -> positions.nextCloseRound(p, p.closeRound() == null ? 0 : p.closeRound()));
    }

    /** What applying a fill did: the position as the fill left it, and the P&L a close realized (null for an open). */
    public record Applied(PositionItem position, BigDecimal realizedPnl) {}

    /**
     * Applies a FILLED order. Its writes are independent and each idempotent, so they go out side by side (see
     * {@link ParallelCalls}). The returned position is what was written, so nobody needs to read it back.
     */
    public Applied apply(OrderItem o, PositionItem closing) {
        if (o.intent() == OrderIntent.OPEN) {
            PositionItem opened = openedBy(o);
            // not written on a retry after this step succeeded: the position is there
            ParallelCalls.all(List.of(() -> positions.openIfAbsent(opened), () -> writeTrade(o, null)));
            return new Applied(opened, null);
        }
        if (o.rung() != null) return scaleOut(o, closing);
        if (Boolean.TRUE.equals(o.partial())) return reduce(o, closing);
        if (PositionStatus.CLOSED.name().equals(closing.status())) {
            // Applied before (a redelivery or a second click): the position holds the true figures; its fees
            // already include this exit, so recomputing would count the exit fee twice. Its P&L also adds up its
            // scale-outs', so the trade written on the first attempt is kept, not rewritten with it.
            ParallelCalls.all(closeWrites(o, closing.realizedPnl(), closing.fees(), null, true));
            return new Applied(closing, closing.realizedPnl());
        }
        BigDecimal realized = realizedPnl(closing, o);
        PositionItem closed = closedBy(closing, o, realizedSoFar(closing).add(realized));
        // not written when closed by this very order on an earlier attempt: only its close order id gets this far
        ParallelCalls.all(closeWrites(o, realized, closed.fees(), () -> positions.closeIfOpen(closed, o.orderId())));
        return new Applied(closed, realized);
    }

    /**
     * A close the venue filled only in part: the position keeps what did not sell, with the part of its entry fees
     * that remains, and moves to its next close round (the next close is a new order). The trade and roll-ups are
     * written first and the position last, on condition of its round: a retry that finds the round moved on knows
     * everything before it was written, and recomputes nothing from a position that has changed.
     */
    private Applied reduce(OrderItem o, PositionItem p) {
        if (!o.orderId().equals(OrderIds.close(p)) || !PositionStatus.OPEN.name().equals(p.status())) {
            return new Applied(p, null);
        }
        PartialClose part = partialClose(p, o.quantity(), o.fillPrice(), o.fee());
        int round = p.closeRound() == null ? 0 : p.closeRound();
        PositionItem reduced = reducedBy(p, part);
        ParallelCalls.all(closeWrites(o, part.realizedPnl(), part.roundTripFees(), null));
        positions.reduceIfOpen(reduced, round);
        return new Applied(reduced, part.realizedPnl());
    }

    /**
     * What selling {@code quantity} of {@code p} at {@code fillPrice} for {@code fee} does to it: the sold part takes
     * its share of the entry fees, and what remains stays on the position, so the two always add up.
     *
     * @param roundTripFees the sold part's entry-fee share plus this exit's fee (what the roll-ups count)
     */
    public record PartialClose(BigDecimal quantity, BigDecimal realizedPnl, BigDecimal roundTripFees,
                               BigDecimal remainingFees) {}

    public static PartialClose partialClose(PositionItem p, BigDecimal quantity, BigDecimal fillPrice, BigDecimal fee) {
        BigDecimal fees = p.fees() == null ? BigDecimal.ZERO : p.fees();
        BigDecimal share = fees.multiply(quantity).divide(p.quantity(), 10, RoundingMode.HALF_EVEN);
        BigDecimal realized = PositionMath.unrealizedPnl(Side.valueOf(p.side()), quantity, p.entryPrice(), fillPrice)
                .subtract(share).subtract(fee);
        return new PartialClose(quantity, realized, share.add(fee), fees.subtract(share));
    }

    /** {@code p} after {@code part}: the rest of its size and fees, in its next close round. */
    public static PositionItem reducedBy(PositionItem p, PartialClose part) {
        int round = p.closeRound() == null ? 0 : p.closeRound();
        return new PositionItem(p.pk(), p.sk(), p.positionId(), p.userId(), p.symbol(), p.side(),
                p.quantity().subtract(part.quantity()), p.entryPrice(), p.status(), p.openedAt(), null, null, null,
                part.remainingFees(), p.stopLoss(), p.takeProfit(), p.gsi1pk(), p.gsi1sk(), p.expiresAt(),
                p.version() == null ? null : p.version() + 1, p.venue(), round + 1, p.exitPlan(), p.rungsDone());
    }

    /**
     * A rung of the position's ladder filled: the position keeps what did not sell, less the sold part's share of the
     * entry fees (a share of the opening figures, so a retry computes the same), and adds the part's P&L to what it has
     * realized. Trade and roll-ups first, keyed by the order; the position last, on condition that this order is not
     * among its scale-outs yet, so it is reduced once however often the order is applied.
     */
    private Applied scaleOut(OrderItem o, PositionItem p) {
        if (!PositionStatus.OPEN.name().equals(p.status())) return new Applied(p, null);
        PositionExits exits = PositionExits.read(p.exitPlan());
        BigDecimal share = exits.feeShare(o.quantity());
        BigDecimal realized = PositionMath.unrealizedPnl(Side.valueOf(p.side()), o.quantity(), p.entryPrice(),
                o.fillPrice()).subtract(share).subtract(o.fee());
        ParallelCalls.all(closeWrites(o, realized, share.add(o.fee()), null));
        positions.scaleOutIfOpen(p, o.orderId(), o.quantity(), share, realized);
        BigDecimal fees = p.fees() == null ? BigDecimal.ZERO : p.fees();
        PositionItem reduced = new PositionItem(p.pk(), p.sk(), p.positionId(), p.userId(), p.symbol(), p.side(),
                p.quantity().subtract(o.quantity()), p.entryPrice(), p.status(), p.openedAt(), null, null,
                realizedSoFar(p).add(realized), fees.subtract(share), p.stopLoss(), p.takeProfit(), p.gsi1pk(),
                p.gsi1sk(), p.expiresAt(), p.version() == null ? null : p.version() + 1, p.venue(), p.closeRound(),
                p.exitPlan(), p.rungsDone());
        return new Applied(reduced, realized);
    }

    /** What an open position's scale-outs realized so far (zero without any). */
    private static BigDecimal realizedSoFar(PositionItem p) {
        return p.realizedPnl() == null ? BigDecimal.ZERO : p.realizedPnl();
    }

    /** The trade and roll-up writes of a close, plus the position's own write when it is not closed yet. */
    private List<Runnable> closeWrites(OrderItem o, BigDecimal realized, BigDecimal roundTripFees, Runnable closeWrite) {
        return closeWrites(o, realized, roundTripFees, closeWrite, false);
    }

    private List<Runnable> closeWrites(OrderItem o, BigDecimal realized, BigDecimal roundTripFees, Runnable closeWrite,
                                       boolean retry) {
        List<Runnable> writes = new ArrayList<>();
        if (closeWrite != null) writes.add(closeWrite);
        writes.add(retry ? () -> trades.recordIfAbsent(trade(o, realized)) : () -> writeTrade(o, realized));
        writes.addAll(rollups.closeWrites(o.userId(), o.filledAt(), roundTripFees, o.quantity().multiply(o.fillPrice()),
                realized, o.orderId()));
        return writes;
    }

    private void writeTrade(OrderItem o, BigDecimal realized) {
        trades.record(trade(o, realized));
    }

    /** The order that closed a position, or null while it is open. */
    public String closedByOrder(String userId, String positionId) {
        return positions.closedByOrder(userId, positionId);
    }

    static BigDecimal realizedPnl(PositionItem p, OrderItem exit) {
        return realizedPnl(p, exit.fillPrice(), exit.fee());
    }

    /** Net P&L of closing all of {@code p} at {@code fillPrice}: the price move less every fee paid on it. */
    public static BigDecimal realizedPnl(PositionItem p, BigDecimal fillPrice, BigDecimal exitFee) {
        Side side = Side.valueOf(p.side());
        BigDecimal gross = PositionMath.unrealizedPnl(side, p.quantity(), p.entryPrice(), fillPrice);
        BigDecimal fees = (p.fees() == null ? BigDecimal.ZERO : p.fees()).add(exitFee);
        // Exact, not rounded: cash is derived from realized P&L, and per-close rounding would drift it by cents.
        return gross.subtract(fees);
    }

    /** The position an opening order's fill opens; its exit plan resolved at the fill price, size and fee. */
    private static PositionItem openedBy(OrderItem o) {
        PositionExits exits = PositionExits.resolve(ExitPlan.read(o.exitPlan()), o.side().buys(), o.fillPrice(),
                o.quantity(), o.fee());
        BigDecimal takeProfit = exits == null || exits.rungs() == 0 ? o.takeProfit()
                : exits.targets().get(exits.rungs() - 1);
        return opened(o.userId(), o.positionId(), o.symbol(), o.side().buys(), o.quantity(), o.fillPrice(), o.fee(),
                o.filledAt(), o.stopLoss(), takeProfit, o.venue(), exits == null ? null : exits.write(),
                exits == null ? null : 0);
    }

    /** The open position a filled opening order creates, without an exit plan. */
    public static PositionItem opened(String userId, String positionId, String symbol, boolean isLong,
                                      BigDecimal quantity, BigDecimal fillPrice, BigDecimal fee, java.time.Instant at,
                                      BigDecimal stopLoss, BigDecimal takeProfit, String venue) {
        return opened(userId, positionId, symbol, isLong, quantity, fillPrice, fee, at, stopLoss, takeProfit, venue,
                null, null);
    }

    private static PositionItem opened(String userId, String positionId, String symbol, boolean isLong,
                                       BigDecimal quantity, BigDecimal fillPrice, BigDecimal fee, java.time.Instant at,
                                       BigDecimal stopLoss, BigDecimal takeProfit, String venue, String exitPlan,
                                       Integer rungsDone) {
        return new PositionItem(Keys.user(userId), Keys.position(positionId), positionId, userId, symbol,
                isLong ? Side.LONG.name() : Side.SHORT.name(), quantity, fillPrice, PositionStatus.OPEN.name(), at,
                null, null, null, fee, stopLoss, takeProfit, Keys.openBySymbol(symbol), userId + "#" + positionId, null,
                null, venue, null, exitPlan, rungsDone);
    }

    /** The position as {@code exit} closes it: what {@link PositionRepository#closeIfOpen} writes (the index keys go). */
    private static PositionItem closedBy(PositionItem p, OrderItem exit, BigDecimal realized) {
        BigDecimal fees = (p.fees() == null ? BigDecimal.ZERO : p.fees()).add(exit.fee());
        return new PositionItem(p.pk(), p.sk(), p.positionId(), p.userId(), p.symbol(), p.side(), p.quantity(),
                p.entryPrice(), PositionStatus.CLOSED.name(), p.openedAt(), exit.filledAt(), exit.fillPrice(), realized,
                fees, p.stopLoss(), p.takeProfit(), null, null, p.expiresAt(),
                p.version() == null ? null : p.version() + 1, p.venue(), p.closeRound(), p.exitPlan(), p.rungsDone());
    }

    private static TradeItem trade(OrderItem o, BigDecimal realized) {
        return new TradeItem(Keys.user(o.userId()), Keys.trade(o.filledAt(), o.orderId()), o.orderId(), o.orderId(),
                o.positionId(), o.symbol(), o.side().name(), o.quantity(), o.fillPrice(), o.fee(), realized, o.filledAt(),
                o.filledAt().plus(TRADE_RETENTION).getEpochSecond());
    }
}
