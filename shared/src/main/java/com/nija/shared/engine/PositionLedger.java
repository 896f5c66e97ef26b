package com.nija.shared.engine;

import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.TradeItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.performance.RollupRepository;
import com.nija.shared.trading.PositionMath;
import com.nija.shared.trading.PositionStatus;
import com.nija.shared.trading.Side;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Applies a filled order to the trader's books: position, trade, roll-ups. Every step is idempotent (conditional
 * or keyed by the order id), so applying the same order again — after a crash half-way — completes what is
 * missing and changes nothing else.
 */
@Singleton
public class PositionLedger {
    static final Duration TRADE_RETENTION = Duration.ofDays(90);

    private final TradingTables tables;
    private final RollupRepository rollups;

    public PositionLedger(TradingTables tables, RollupRepository rollups) {
        this.tables = tables;
        this.rollups = rollups;
    }

    public Optional<PositionItem> position(String userId, String positionId) {
        return Optional.ofNullable(tables.positions().getItem(Key.builder().partitionValue(Keys.user(userId))
                .sortValue(Keys.position(positionId)).build()));
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
            ParallelCalls.all(List.of(() -> openPosition(opened), () -> writeTrade(o, null)));
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
        ParallelCalls.all(closeWrites(o, realized, closed.fees(), () -> closePosition(closed, o)));
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
        tables.trades().putItem(trade(o, realized)); // keyed by order id and fill time: a repeat overwrites the same
    }

    /** The order that closed a position, or null while it is open. */
    public String closedByOrder(String userId, String positionId) {
        return attribute(userId, positionId, "closedByOrder");
    }

    private String attribute(String userId, String positionId, String name) {
        AttributeValue v = tables.client().getItem(b -> b.tableName(tables.name()).key(key(userId, positionId))
                .projectionExpression("#a").expressionAttributeNames(Map.of("#a", name)).consistentRead(true))
                .item().get(name);
        return v == null ? null : v.s();
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

    /** The position as {@code exit} closes it: what {@link #closePosition} writes (the index keys go). */
    private static PositionItem closedBy(PositionItem p, OrderItem exit, BigDecimal realized) {
        BigDecimal fees = (p.fees() == null ? BigDecimal.ZERO : p.fees()).add(exit.fee());
        return new PositionItem(p.pk(), p.sk(), p.positionId(), p.userId(), p.symbol(), p.side(), p.quantity(),
                p.entryPrice(), PositionStatus.CLOSED.name(), p.openedAt(), exit.filledAt(), exit.fillPrice(), realized,
                fees, p.stopLoss(), p.takeProfit(), null, null, p.expiresAt(),
                p.version() == null ? null : p.version() + 1);
    }

    private void openPosition(PositionItem p) {
        try {
            tables.positions().putItem(r -> r.item(p).conditionExpression(
                    Expression.builder().expression("attribute_not_exists(pk)").build()));
        } catch (ConditionalCheckFailedException alreadyOpened) {
            // a retry after this step succeeded: the position is there
        }
    }

    private void closePosition(PositionItem closed, OrderItem o) {
        try {
            tables.client().updateItem(b -> b.tableName(tables.name())
                    .key(key(o.userId(), closed.positionId()))
                    .updateExpression("SET #s = :closed, exitPrice = :px, closedAt = :at, realizedPnl = :pnl, "
                            + "fees = :fees, closedByOrder = :o, version = version + :one REMOVE gsi1pk, gsi1sk")
                    .conditionExpression("#s = :open")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":closed", AttributeValue.fromS(PositionStatus.CLOSED.name()),
                            ":open", AttributeValue.fromS(PositionStatus.OPEN.name()),
                            ":px", AttributeValue.fromN(closed.exitPrice().toPlainString()),
                            ":at", AttributeValue.fromS(closed.closedAt().toString()),
                            ":pnl", AttributeValue.fromN(closed.realizedPnl().toPlainString()),
                            ":fees", AttributeValue.fromN(closed.fees().toPlainString()),
                            ":o", AttributeValue.fromS(o.orderId()),
                            ":one", AttributeValue.fromN("1"))));
        } catch (ConditionalCheckFailedException alreadyClosed) {
            // closed by this very order on an earlier attempt: only the position's close order id gets this far
        }
    }

    private static TradeItem trade(OrderItem o, BigDecimal realized) {
        return new TradeItem(Keys.user(o.userId()), Keys.trade(o.filledAt(), o.orderId()), o.orderId(), o.orderId(),
                o.positionId(), o.symbol(), o.side().name(), o.quantity(), o.fillPrice(), o.fee(), realized, o.filledAt(),
                o.filledAt().plus(TRADE_RETENTION).getEpochSecond());
    }

    private static Map<String, AttributeValue> key(String userId, String positionId) {
        return Map.of("pk", AttributeValue.fromS(Keys.user(userId)), "sk", AttributeValue.fromS(Keys.position(positionId)));
    }
}
