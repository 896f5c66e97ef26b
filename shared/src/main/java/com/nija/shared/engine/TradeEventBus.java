package com.nija.shared.engine;

import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans the engine's events out to whoever subscribed at runtime (live pushes, benchmarks). A subscriber that
 * throws is logged and skipped: a listener can never fail the trade that caused the event.
 */
@Singleton
public class TradeEventBus implements TradeListener {
    private static final Logger LOG = LoggerFactory.getLogger(TradeEventBus.class);

    private final List<TradeListener> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(TradeListener listener) {
        subscribers.add(listener);
    }

    public void unsubscribe(TradeListener listener) {
        subscribers.remove(listener);
    }

    @Override
    public void filled(OrderItem order, PositionItem position, BigDecimal realizedPnl) {
        for (TradeListener l : subscribers) {
            try {
                l.filled(order, position, realizedPnl);
            } catch (RuntimeException e) {
                LOG.warn("trade listener failed on order {}: {}", order.orderId(), e.toString());
            }
        }
    }

    @Override
    public void botPaused(String userId, String reason) {
        for (TradeListener l : subscribers) {
            try {
                l.botPaused(userId, reason);
            } catch (RuntimeException e) {
                LOG.warn("trade listener failed on pausing {}: {}", userId, e.toString());
            }
        }
    }

    @Override
    public void recorded(OrderItem order) {
        for (TradeListener l : subscribers) {
            try {
                l.recorded(order);
            } catch (RuntimeException e) {
                LOG.warn("trade listener failed on order {}: {}", order.orderId(), e.toString());
            }
        }
    }
}
