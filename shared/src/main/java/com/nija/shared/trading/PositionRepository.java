package com.nija.shared.trading;

import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.Tables;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Traders' positions: a trader's are one query on their partition, never a scan; the open ones of a market are found
 * through the sparse open-by-symbol index, which a close takes a position out of.
 */
@Singleton
public class PositionRepository {
    private final TradingTables tables;

    public PositionRepository(TradingTables tables) {
        this.tables = tables;
    }

    /** Positions of the trader, optionally only those in a status; in position-id order. */
    public List<PositionItem> list(String userId, PositionStatus status) {
        QueryEnhancedRequest.Builder request = query(userId);
        if (status != null) request.filterExpression(inStatus(status));
        return tables.positions().query(request.build()).items().stream().toList();
    }

    /**
     * Up to {@code max} positions in {@code status} that come after {@code afterSortKey} (from the first when null),
     * in position-id order. Pages through DynamoDB as needed, since the status filter can thin a page.
     */
    public List<PositionItem> page(String userId, PositionStatus status, String afterSortKey, int max) {
        QueryEnhancedRequest.Builder request = query(userId).filterExpression(inStatus(status))
                .limit(Math.min(Math.max(max, 10), 200));
        if (afterSortKey != null) {
            request.exclusiveStartKey(Map.of("pk", AttributeValue.fromS(Keys.user(userId)),
                    "sk", AttributeValue.fromS(afterSortKey)));
        }
        return tables.positions().query(request.build()).items().stream().limit(max).toList();
    }

    public Optional<PositionItem> find(String userId, String positionId) {
        return Optional.ofNullable(tables.positions().getItem(Key.builder().partitionValue(Keys.user(userId))
                .sortValue(Keys.position(positionId)).build()));
    }

    /** The open positions on a market, every trader's, through the sparse open-by-symbol index. */
    public List<PositionItem> openOn(String symbol) {
        return tables.positions().index(Tables.OPEN_BY_SYMBOL)
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder()
                        .partitionValue(Keys.openBySymbol(symbol)).build())))
                .stream().flatMap(page -> page.items().stream()).toList();
    }

    /** Writes a newly opened position; false (and nothing written) when it is there already (a retry). */
    public boolean openIfAbsent(PositionItem opened) {
        return ConditionalPut.ifAbsent(tables.positions(), opened);
    }

    /**
     * Writes {@code closed}'s close figures onto the position if it is still open, in one update: status, exit price
     * and time, realized P&L, fees, the closing order, version + 1, and out of the open-by-symbol index. False (and
     * nothing written) when it was closed already.
     */
    public boolean closeIfOpen(PositionItem closed, String closedByOrder) {
        try {
            tables.client().updateItem(b -> b.tableName(tables.name())
                    .key(Map.of("pk", AttributeValue.fromS(closed.pk()), "sk", AttributeValue.fromS(closed.sk())))
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
                            ":o", AttributeValue.fromS(closedByOrder),
                            ":one", AttributeValue.fromN("1"))));
            return true;
        } catch (ConditionalCheckFailedException alreadyClosed) {
            return false;
        }
    }

    /**
     * Writes what a partial close left of the position (its quantity and unspent entry fees, the next close round)
     * if it is still open in round {@code roundBefore}; false (and nothing written) when that round was reduced or the
     * position closed already (a retry after this write).
     */
    public boolean reduceIfOpen(PositionItem reduced, int roundBefore) {
        String inRound = roundBefore == 0 ? "(attribute_not_exists(closeRound) OR closeRound = :round)"
                : "closeRound = :round";
        try {
            tables.client().updateItem(b -> b.tableName(tables.name())
                    .key(Map.of("pk", AttributeValue.fromS(reduced.pk()), "sk", AttributeValue.fromS(reduced.sk())))
                    .updateExpression("SET quantity = :q, fees = :fees, closeRound = :next, version = version + :one")
                    .conditionExpression("#s = :open AND " + inRound)
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":open", AttributeValue.fromS(PositionStatus.OPEN.name()),
                            ":q", AttributeValue.fromN(reduced.quantity().toPlainString()),
                            ":fees", AttributeValue.fromN(reduced.fees().toPlainString()),
                            ":round", AttributeValue.fromN(Integer.toString(roundBefore)),
                            ":next", AttributeValue.fromN(Integer.toString(roundBefore + 1)),
                            ":one", AttributeValue.fromN("1"))));
            return true;
        } catch (ConditionalCheckFailedException alreadyReduced) {
            return false;
        }
    }

    /**
     * Moves an open position to its next close round, if it is still in {@code roundBefore}: its next close is then a
     * new order id, as a venue keeps an ended order under the old one (and would answer it again, or refuse the id).
     */
    public boolean nextCloseRound(PositionItem position, int roundBefore) {
        String inRound = roundBefore == 0 ? "(attribute_not_exists(closeRound) OR closeRound = :round)"
                : "closeRound = :round";
        try {
            tables.client().updateItem(b -> b.tableName(tables.name())
                    .key(Map.of("pk", AttributeValue.fromS(position.pk()), "sk", AttributeValue.fromS(position.sk())))
                    .updateExpression("SET closeRound = :next, version = version + :one")
                    .conditionExpression("#s = :open AND " + inRound)
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":open", AttributeValue.fromS(PositionStatus.OPEN.name()),
                            ":round", AttributeValue.fromN(Integer.toString(roundBefore)),
                            ":next", AttributeValue.fromN(Integer.toString(roundBefore + 1)),
                            ":one", AttributeValue.fromN("1"))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    /**
     * Reduces an open position by a filled scale-out, once: quantity and unspent entry fees down, the part's P&L added
     * to what it realized, the order added to its {@code scaleOuts}, all on condition that the order is not there yet.
     * Arithmetic in the update, so it never writes figures read before another write. False (nothing written) when the
     * order was applied already or the position is closed.
     */
    public boolean scaleOutIfOpen(PositionItem p, String orderId, BigDecimal quantity, BigDecimal feeShare,
                                  BigDecimal realized) {
        try {
            tables.client().updateItem(b -> b.tableName(tables.name()).key(key(p))
                    .updateExpression("SET quantity = quantity - :q, fees = if_not_exists(fees, :zero) - :share, "
                            + "realizedPnl = if_not_exists(realizedPnl, :zero) + :pnl, version = version + :one "
                            + "ADD scaleOuts :ids")
                    .conditionExpression("#s = :open AND (attribute_not_exists(scaleOuts) OR NOT contains(scaleOuts, :o))")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":open", AttributeValue.fromS(PositionStatus.OPEN.name()),
                            ":q", AttributeValue.fromN(quantity.toPlainString()),
                            ":share", AttributeValue.fromN(feeShare.toPlainString()),
                            ":pnl", AttributeValue.fromN(realized.toPlainString()),
                            ":zero", AttributeValue.fromN("0"),
                            ":o", AttributeValue.fromS(orderId),
                            ":ids", AttributeValue.fromSs(List.of(orderId)),
                            ":one", AttributeValue.fromN("1"))));
            return true;
        } catch (ConditionalCheckFailedException appliedOrClosed) {
            return false;
        }
    }

    /**
     * Records that prices reached {@code rungsDone} rungs of an open position's ladder, unless as many were recorded
     * already (a concurrent or redelivered batch): rungs only ever advance.
     */
    public boolean advanceRungs(PositionItem p, int rungsDone) {
        try {
            tables.client().updateItem(b -> b.tableName(tables.name()).key(key(p))
                    .updateExpression("SET rungsDone = :n, version = version + :one")
                    .conditionExpression("#s = :open AND (attribute_not_exists(rungsDone) OR rungsDone < :n)")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":open", AttributeValue.fromS(PositionStatus.OPEN.name()),
                            ":n", AttributeValue.fromN(Integer.toString(rungsDone)),
                            ":one", AttributeValue.fromN("1"))));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    /**
     * Moves an open position's stop to {@code stop} if that is tighter than the stored one (higher for a long, lower
     * for a short): a stop never loosens, whatever order concurrent price batches write in.
     */
    public boolean tightenStop(PositionItem p, BigDecimal stop, boolean isLong) {
        try {
            tables.client().updateItem(b -> b.tableName(tables.name()).key(key(p))
                    .updateExpression("SET stopLoss = :stop, version = version + :one")
                    .conditionExpression("#s = :open AND (attribute_not_exists(stopLoss) OR stopLoss "
                            + (isLong ? "<" : ">") + " :stop)")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":open", AttributeValue.fromS(PositionStatus.OPEN.name()),
                            ":stop", AttributeValue.fromN(stop.toPlainString()),
                            ":one", AttributeValue.fromN("1"))));
            return true;
        } catch (ConditionalCheckFailedException notTighter) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(PositionItem p) {
        return Map.of("pk", AttributeValue.fromS(p.pk()), "sk", AttributeValue.fromS(p.sk()));
    }

    /** The order that closed a position, or null while it is open; a consistent read of that one attribute. */
    public String closedByOrder(String userId, String positionId) {
        AttributeValue v = tables.client().getItem(b -> b.tableName(tables.name())
                        .key(Map.of("pk", AttributeValue.fromS(Keys.user(userId)),
                                "sk", AttributeValue.fromS(Keys.position(positionId))))
                        .projectionExpression("#a").expressionAttributeNames(Map.of("#a", "closedByOrder"))
                        .consistentRead(true))
                .item().get("closedByOrder");
        return v == null ? null : v.s();
    }

    private static QueryEnhancedRequest.Builder query(String userId) {
        return QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                .partitionValue(Keys.user(userId)).sortValue(Keys.POSITION_PREFIX).build()));
    }

    private static Expression inStatus(PositionStatus status) {
        return Expression.builder()
                .expression("#s = :s")
                .putExpressionName("#s", "status")
                .putExpressionValue(":s", AttributeValue.fromS(status.name()))
                .build();
    }
}
