package com.nija.functions.support;

import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PaperOrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.RollupItem;
import com.nija.shared.data.RollupPeriod;
import com.nija.shared.data.TradeItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.order.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * One trader's books as stored in DynamoDB, bypassing every cache: orders, positions, trades, roll-ups and the paper
 * broker's own order book. For "exactly one of each" checks after retries and duplicates.
 */
public final class Books {
    private final TradingTables tables = LocalBackends.get().context().getBean(TradingTables.class);
    private final String userId;

    private Books(String userId) {
        this.userId = userId;
    }

    public static Books of(String userId) {
        return new Books(userId);
    }

    public List<OrderItem> orders() {
        return tables.orders().query(r -> r.queryConditional(prefix(Keys.ORDER_PREFIX)).consistentRead(true))
                .items().stream().toList();
    }

    public Optional<OrderItem> order(String orderId) {
        return orders().stream().filter(o -> o.orderId().equals(orderId)).findFirst();
    }

    /**
     * The order a request led to: under the request's id, or — for a close, whose order carries its position's id
     * ({@code OrderIds.close}) — the one its signal recorded.
     */
    public Optional<OrderItem> orderFor(OrderRequest request) {
        List<OrderItem> all = orders();
        return all.stream().filter(o -> o.orderId().equals(request.orderId())).findFirst()
                .or(() -> all.stream().filter(o -> request.requestId().equals(o.signalId())).findFirst());
    }

    public List<PositionItem> positions() {
        return tables.positions().query(r -> r.queryConditional(prefix(Keys.POSITION_PREFIX)).consistentRead(true))
                .items().stream().toList();
    }

    public Optional<PositionItem> position(String positionId) {
        return positions().stream().filter(p -> p.positionId().equals(positionId)).findFirst();
    }

    public List<TradeItem> trades() {
        return tables.trades().query(r -> r.queryConditional(prefix(Keys.TRADE_PREFIX)).consistentRead(true))
                .items().stream().toList();
    }

    /**
     * Every order the paper broker accepted for this trader: its own book (resting limit orders and their fills)
     * plus its immediate fills, whose only record is the engine's FILLED order under the same id (live orders are
     * their venues', not the paper broker's).
     */
    public List<PaperOrderItem> paperOrders() {
        List<PaperOrderItem> book = tables.paperOrders().query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                Key.builder().partitionValue(Keys.paperOrders(userId)).build())).consistentRead(true)).items().stream().toList();
        List<PaperOrderItem> all = new ArrayList<>(book);
        for (OrderItem o : orders()) {
            if (o.live() || o.status() != OrderStatus.FILLED || book.stream().anyMatch(b -> b.clientOrderId().equals(o.orderId()))) continue;
            all.add(new PaperOrderItem(Keys.paperOrders(userId), o.orderId(), o.orderId(), userId, o.symbol(), o.side(),
                    o.orderType(), o.quantity(), o.limitPrice(), o.status(), o.fillPrice(), o.fee(), o.filledAt(),
                    o.createdAt(), null, null, null));
        }
        return all;
    }

    public Optional<RollupItem> today() {
        return rollup(RollupPeriod.DAY, PlatformClock.system().instant());
    }

    public Optional<RollupItem> lifetime() {
        return rollup(RollupPeriod.ALL, Instant.EPOCH);
    }

    private Optional<RollupItem> rollup(RollupPeriod period, Instant at) {
        return Optional.ofNullable(tables.rollups().getItem(r -> r.key(Key.builder().partitionValue(Keys.user(userId))
                .sortValue(Keys.rollup(period, at)).build()).consistentRead(true)));
    }

    private QueryConditional prefix(String sortPrefix) {
        return QueryConditional.sortBeginsWith(Key.builder().partitionValue(Keys.user(userId)).sortValue(sortPrefix).build());
    }
}
