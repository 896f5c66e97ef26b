package com.nija.shared.broker;

import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PaperOrderItem;
import com.nija.shared.data.Tables;
import com.nija.shared.data.TradingTables;
import com.nija.shared.order.OrderStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The paper broker's book (the "exchange side"): its orders per trader, keyed by client order id; the resting ones
 * also in the sparse resting-by-symbol index, which a fill or a cancel takes them out of.
 */
@Singleton
public class PaperOrderBook {
    private static final Expression STILL_RESTING = Expression.builder()
            .expression("#s = :resting").putExpressionName("#s", "status")
            .putExpressionValue(":resting", AttributeValue.fromS(OrderStatus.RESTING.name()))
            .build();

    private final TradingTables tables;

    public PaperOrderBook(TradingTables tables) {
        this.tables = tables;
    }

    /** Adds an order; false (and nothing written) when one with its client order id is in the book already. */
    public boolean placeOnce(PaperOrderItem order) {
        return ConditionalPut.ifAbsent(tables.paperOrders(), order);
    }

    /** Replaces a resting order by its fill; false (and nothing written) when it is no longer resting. */
    public boolean fillIfResting(PaperOrderItem filled) {
        try {
            tables.paperOrders().putItem(r -> r.item(filled).conditionExpression(STILL_RESTING));
            return true;
        } catch (ConditionalCheckFailedException alreadyDone) {
            return false;
        }
    }

    /** Replaces an order unconditionally (a cancel of one read as resting). */
    public void save(PaperOrderItem order) {
        tables.paperOrders().putItem(order);
    }

    /** An order of the book as last written (a consistent read). */
    public Optional<PaperOrderItem> latest(String userId, String clientOrderId) {
        return Optional.ofNullable(tables.paperOrders().getItem(r -> r.key(key(userId, clientOrderId))
                .consistentRead(true)));
    }

    /** An order of the book (an eventually consistent read). */
    public Optional<PaperOrderItem> find(String userId, String clientOrderId) {
        return Optional.ofNullable(tables.paperOrders().getItem(key(userId, clientOrderId)));
    }

    /**
     * The engine's order with this id as last written: an immediate fill is recorded there only (one write per order,
     * not two), so the book reads it to answer for it.
     */
    public Optional<OrderItem> engineOrder(String userId, String orderId) {
        return Optional.ofNullable(tables.orders().getItem(r -> r.key(Key.builder().partitionValue(Keys.user(userId))
                .sortValue(Keys.order(orderId)).build()).consistentRead(true)));
    }

    /** Resting orders on a market, every trader's, through the sparse index (never a scan). */
    public List<PaperOrderItem> restingOn(String symbol) {
        return tables.paperOrders().index(Tables.OPEN_BY_SYMBOL)
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder()
                        .partitionValue(Keys.resting(symbol)).build())))
                .stream().flatMap(p -> p.items().stream()).toList();
    }

    private static Key key(String userId, String clientOrderId) {
        return Key.builder().partitionValue(Keys.paperOrders(userId)).sortValue(clientOrderId).build();
    }
}
