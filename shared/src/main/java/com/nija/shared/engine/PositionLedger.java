package com.nija.shared.engine;

import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.TradeItem;
import com.nija.shared.data.TradingTables;
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

    /**
     * Applies a FILLED order. Returns the realized P&L for a close, null for an open. Its writes are independent and
     * each idempotent, so they go out side by side (see {@link ParallelCalls}).
     */
    public BigDecimal apply(OrderItem o, PositionItem closing) {
        if ("OPEN".equals(o.intent())) {
            ParallelCalls.all(List.of(() -> openPosition(o), () -> writeTrade(o, null)));
            return null;
        }
        BigDecimal realized;
        BigDecimal roundTripFees;
        List<Runnable> writes = new ArrayList<>();
        if (PositionStatus.CLOSED.name().equals(closing.status())) {
            // Applied before (a redelivery or a second click): the position holds the true figures; its fees
            // already include this exit, so recomputing would count the exit fee twice.
            realized = closing.realizedPnl();
            roundTripFees = closing.fees();
        } else {
            realized = realizedPnl(closing, o);
            roundTripFees = (closing.fees() == null ? BigDecimal.ZERO : closing.fees()).add(o.fee());
            BigDecimal pnl = realized;
            writes.add(() -> closePosition(closing, o, pnl));
        }
        BigDecimal pnl = realized;
        writes.add(() -> writeTrade(o, pnl));
        writes.addAll(rollups.closeWrites(o.userId(), o.filledAt(), roundTripFees, o.quantity().multiply(o.fillPrice()),
                realized, o.orderId()));
        ParallelCalls.all(writes);
        return realized;
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

    private void openPosition(OrderItem o) {
        PositionItem p = new PositionItem(Keys.user(o.userId()), Keys.position(o.positionId()), o.positionId(),
                o.userId(), o.symbol(), "BUY".equals(o.side()) ? Side.LONG.name() : Side.SHORT.name(), o.quantity(),
                o.fillPrice(), PositionStatus.OPEN.name(), o.filledAt(), null, null, null, o.fee(), o.stopLoss(),
                o.takeProfit(), Keys.openBySymbol(o.symbol()), o.userId() + "#" + o.positionId(), null, null);
        try {
            tables.positions().putItem(r -> r.item(p).conditionExpression(
                    Expression.builder().expression("attribute_not_exists(pk)").build()));
        } catch (ConditionalCheckFailedException alreadyOpened) {
            // a retry after this step succeeded: the position is there
        }
    }

    private void closePosition(PositionItem p, OrderItem o, BigDecimal realized) {
        try {
            tables.client().updateItem(b -> b.tableName(tables.name())
                    .key(key(o.userId(), p.positionId()))
                    .updateExpression("SET #s = :closed, exitPrice = :px, closedAt = :at, realizedPnl = :pnl, "
                            + "fees = :fees, closedByOrder = :o, version = version + :one REMOVE gsi1pk, gsi1sk")
                    .conditionExpression("#s = :open")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":closed", AttributeValue.fromS(PositionStatus.CLOSED.name()),
                            ":open", AttributeValue.fromS(PositionStatus.OPEN.name()),
                            ":px", AttributeValue.fromN(o.fillPrice().toPlainString()),
                            ":at", AttributeValue.fromS(o.filledAt().toString()),
                            ":pnl", AttributeValue.fromN(realized.toPlainString()),
                            ":fees", AttributeValue.fromN((p.fees() == null ? BigDecimal.ZERO : p.fees()).add(o.fee()).toPlainString()),
                            ":o", AttributeValue.fromS(o.orderId()),
                            ":one", AttributeValue.fromN("1"))));
        } catch (ConditionalCheckFailedException alreadyClosed) {
            // closed by this very order on an earlier attempt: only the position's close order id gets this far
        }
    }

    private static TradeItem trade(OrderItem o, BigDecimal realized) {
        return new TradeItem(Keys.user(o.userId()), Keys.trade(o.filledAt(), o.orderId()), o.orderId(), o.orderId(),
                o.positionId(), o.symbol(), o.side(), o.quantity(), o.fillPrice(), o.fee(), realized, o.filledAt(),
                o.filledAt().plus(TRADE_RETENTION).getEpochSecond());
    }

    private static Map<String, AttributeValue> key(String userId, String positionId) {
        return Map.of("pk", AttributeValue.fromS(Keys.user(userId)), "sk", AttributeValue.fromS(Keys.position(positionId)));
    }
}
