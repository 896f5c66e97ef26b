package com.nija.shared.engine;

import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.order.OrderStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** A trader's orders. New orders are written only if absent: the write that makes retries harmless. */
@Singleton
public class OrderRepository {
    private final TradingTables tables;

    public OrderRepository(TradingTables tables) {
        this.tables = tables;
    }

    public Optional<OrderItem> find(String userId, String orderId) {
        return Optional.ofNullable(tables.orders().getItem(Key.builder().partitionValue(Keys.user(userId))
                .sortValue(Keys.order(orderId)).build()));
    }

    /** Writes a new order; false when one with this id exists already (a duplicate or a retry). */
    public boolean create(OrderItem order) {
        return ConditionalPut.ifAbsent(tables.orders(), order);
    }

    /** The trader's order for a signal, whatever its id (a close's is its position's). Queries: for rare paths only. */
    public Optional<OrderItem> findBySignal(String userId, String signalId) {
        return tables.orders().query(r -> r.queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                        .partitionValue(Keys.user(userId)).sortValue(Keys.ORDER_PREFIX).build())).consistentRead(true))
                .items().stream().filter(o -> signalId.equals(o.signalId())).findFirst();
    }

    /** Replaces an order whose version is still the one read (resting → filled). */
    public void update(OrderItem order) {
        tables.orders().putItem(order);
    }

    /** Newest first, optionally only those in one status. */
    public List<OrderItem> list(String userId, OrderStatus status, int limit) {
        return tables.orders().query(r -> r.queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                        .partitionValue(Keys.user(userId)).sortValue(Keys.ORDER_PREFIX).build())))
                .items().stream()
                .filter(o -> status == null || status == o.status())
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
                .limit(limit)
                .toList();
    }
}
