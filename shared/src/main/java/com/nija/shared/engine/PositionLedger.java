package com.nija.shared.engine;

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
        if (PositionStatus.CLOSED.name().equals(closing.status())) {
            // Applied before (a redelivery or a second click): the position holds the true figures; its fees
            // already include this exit, so recomputing would count the exit fee twice.
            ParallelCalls.all(closeWrites(o, closing.realizedPnl(), closing.fees(), null));
            return new Applied(closing, closing.realizedPnl());
        }
        BigDecimal realized = realizedPnl(closing, o);
        PositionItem closed = closedBy(closing, o, realized);
        // not written when closed by this very order on an earlier attempt: only its close order id gets this far
        ParallelCalls.all(closeWrites(o, realized, closed.fees(), () -> positions.closeIfOpen(closed, o.orderId())));
        return new Applied(closed, realized);
    }

    /** The trade and roll-up writes of a close, plus the position's own write when it is not closed yet. */
    private List<Runnable> closeWrites(OrderItem o, BigDecimal realized, BigDecimal roundTripFees, Runnable closeWrite) {
        List<Runnable> writes = new ArrayList<>();
        if (closeWrite != null) writes.add(closeWrite);
        writes.add(() -> writeTrade(o, realized));
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
        Side side = Side.valueOf(p.side());
        BigDecimal gross = PositionMath.unrealizedPnl(side, p.quantity(), p.entryPrice(), exit.fillPrice());
        BigDecimal fees = (p.fees() == null ? BigDecimal.ZERO : p.fees()).add(exit.fee());
        // Exact, not rounded: cash is derived from realized P&L, and per-close rounding would drift it by cents.
        return gross.subtract(fees);
    }

    private static PositionItem openedBy(OrderItem o) {
        return new PositionItem(Keys.user(o.userId()), Keys.position(o.positionId()), o.positionId(),
                o.userId(), o.symbol(), o.side().buys() ? Side.LONG.name() : Side.SHORT.name(), o.quantity(),
                o.fillPrice(), PositionStatus.OPEN.name(), o.filledAt(), null, null, null, o.fee(), o.stopLoss(),
                o.takeProfit(), Keys.openBySymbol(o.symbol()), o.userId() + "#" + o.positionId(), null, null);
    }

    /** The position as {@code exit} closes it: what {@link PositionRepository#closeIfOpen} writes (the index keys go). */
    private static PositionItem closedBy(PositionItem p, OrderItem exit, BigDecimal realized) {
        BigDecimal fees = (p.fees() == null ? BigDecimal.ZERO : p.fees()).add(exit.fee());
        return new PositionItem(p.pk(), p.sk(), p.positionId(), p.userId(), p.symbol(), p.side(), p.quantity(),
                p.entryPrice(), PositionStatus.CLOSED.name(), p.openedAt(), exit.filledAt(), exit.fillPrice(), realized,
                fees, p.stopLoss(), p.takeProfit(), null, null, p.expiresAt(),
                p.version() == null ? null : p.version() + 1);
    }

    private static TradeItem trade(OrderItem o, BigDecimal realized) {
        return new TradeItem(Keys.user(o.userId()), Keys.trade(o.filledAt(), o.orderId()), o.orderId(), o.orderId(),
                o.positionId(), o.symbol(), o.side().name(), o.quantity(), o.fillPrice(), o.fee(), realized, o.filledAt(),
                o.filledAt().plus(TRADE_RETENTION).getEpochSecond());
    }
}
