package com.nija.shared.livebroker;

import com.nija.shared.broker.Broker;
import com.nija.shared.broker.OrderTicket;
import com.nija.shared.broker.RestingOrders;
import com.nija.shared.data.OrderItem;
import com.nija.shared.engine.OrderRepository;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.List;

/**
 * Live orders resting at their venues, as the price feed sees them: the venue fills them, not NIJA, so a price that
 * crosses one (or any price, for a market order the venue has not filled yet) only has its fill looked up — the price
 * ingest enqueues a limit-fill request, the engine asks the venue. The queue's deduplication (one id per order, five
 * minutes) bounds the look-ups to one per order per five minutes while the price stays across.
 */
@Singleton
public class LiveRestingOrders implements RestingOrders {
    private final OrderRepository orders;

    public LiveRestingOrders(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public List<OrderTicket> resting(String symbol) {
        return orders.liveRestingOn(symbol).stream().map(LiveRestingOrders::ticket).toList();
    }

    /** True when the price reached the order: its fill is then worth asking the venue for. Writes nothing. */
    @Override
    public boolean fillIfCrossed(OrderTicket order, BigDecimal price) {
        return order.limitPrice() == null || Broker.limitMarketable(order, price);
    }

    private static OrderTicket ticket(OrderItem o) {
        return new OrderTicket(o.orderId(), o.userId(), o.symbol(), o.side(), o.orderType(), o.quantity(),
                o.limitPrice(), o.venue());
    }
}
