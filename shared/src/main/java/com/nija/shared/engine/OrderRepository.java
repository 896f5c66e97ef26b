package com.nija.shared.engine;

import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.RecordTableSchema;
import com.nija.shared.data.TradingTables;
import com.nija.shared.order.OrderStatus;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** A trader's orders. New orders are written only if absent: the write that makes retries harmless. */
@Singleton
public class OrderRepository {
    private static final Expression RESTING = Expression.builder().expression("#s = :resting")
            .putExpressionName("#s", "status")
            .putExpressionValue(":resting", AttributeValue.fromS(OrderStatus.RESTING.name()))
            .build();

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

    /**
     * Replaces the order with {@code next} if it is still in status {@code from} (a live order's SUBMITTED → the
     * venue's answer, RESTING → filled or cancelled), in one conditional update; false (and nothing written) when
     * another attempt moved it on first. Conditional on the status, not the version: the caller holds the order as it
     * wrote it, before the store numbered it.
     */
    public boolean transition(OrderItem next, OrderStatus from) {
        Map<String, AttributeValue> item = tables.orders().tableSchema().itemToMap(next, false);
        Map<String, String> names = new HashMap<>(Map.of("#version", RecordTableSchema.VERSION, "#from", "status"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":from", AttributeValue.fromS(from.name()),
                ":zero", AttributeValue.fromN("0"), ":one", AttributeValue.fromN("1")));
        StringJoiner set = new StringJoiner(", ", "SET ", "");
        StringJoiner remove = new StringJoiner(", ", " REMOVE ", "").setEmptyValue("");
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            String attribute = e.getKey();
            if (attribute.equals("pk") || attribute.equals("sk") || attribute.equals(RecordTableSchema.VERSION)) continue;
            String name = "#a" + i;
            names.put(name, attribute);
            if (Boolean.TRUE.equals(e.getValue().nul())) {
                remove.add(name);
            } else {
                values.put(":v" + i, e.getValue());
                set.add(name + " = :v" + i);
            }
            i++;
        }
        set.add("#version = if_not_exists(#version, :zero) + :one");
        try {
            tables.client().updateItem(b -> b.tableName(tables.name())
                    .key(Map.of("pk", AttributeValue.fromS(next.pk()), "sk", AttributeValue.fromS(next.sk())))
                    .updateExpression(set + remove.toString())
                    .conditionExpression("#from = :from")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException movedOn) {
            return false;
        }
    }

    /**
     * Deletes the order if it is still in status {@code status}: a close that placed nothing gives its position's close
     * id back, so a later close can claim it. False when it had moved on (or was gone).
     */
    public boolean release(OrderItem order, OrderStatus status) {
        try {
            tables.orders().deleteItem(r -> r.key(Key.builder().partitionValue(order.pk()).sortValue(order.sk()).build())
                    .conditionExpression(Expression.builder().expression("#s = :s").putExpressionName("#s", "status")
                            .putExpressionValue(":s", AttributeValue.fromS(status.name())).build()));
            return true;
        } catch (ConditionalCheckFailedException movedOn) {
            return false;
        }
    }

    /** The trader's orders resting (at any broker) on {@code symbol}, as recorded. Queries: for rare paths only. */
    public List<OrderItem> resting(String userId, String symbol) {
        return tables.orders().query(r -> r.queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                                .partitionValue(Keys.user(userId)).sortValue(Keys.ORDER_PREFIX).build()))
                        .filterExpression(RESTING).consistentRead(true))
                .items().stream().filter(o -> symbol.equals(o.symbol())).toList();
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

    /** Live orders resting at their venue on {@code symbol}, every trader's, through the sparse index (never a scan). */
    public List<OrderItem> liveRestingOn(String symbol) {
        return tables.orders().index(com.nija.shared.data.Tables.OPEN_BY_SYMBOL)
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder()
                        .partitionValue(Keys.liveResting(symbol)).build())))
                .stream().flatMap(p -> p.items().stream()).toList();
    }
}
