package com.nija.shared.engine;

import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.notifications.NotificationEvent;
import com.nija.shared.notifications.NotificationEventType;
import com.nija.shared.notifications.Notifications;
import com.nija.shared.order.OrderStatus;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * Tells traders about their fills, refusals and automatic pauses through {@link Notifications}: one enqueue per event,
 * in the process where it happens, after the order is recorded. Each event's id is the order's, so a redelivered order
 * message never notifies twice; publishing never throws, so a notice can never fail the order.
 */
@Singleton
public class TradeNotices implements TradeListener {
    private final Notifications notifications;
    private final Clock clock;

    public TradeNotices(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void filled(OrderItem order, PositionItem position, BigDecimal realizedPnl) {
        Instant at = order.filledAt() != null ? order.filledAt() : clock.instant();
        String side = order.side() == null ? "" : order.side().name().toLowerCase();
        notifications.publish(order.userId(), new NotificationEvent("fill:" + order.orderId(),
                NotificationEventType.FILL, at,
                order.symbol() + " " + side + " filled: " + plain(order.quantity()) + " at " + plain(order.fillPrice()),
                NotificationEvent.facts("symbol", order.symbol(), "side", side, "quantity", order.quantity(),
                        "price", order.fillPrice(), "fee", order.fee(), "realized P&L", realizedPnl,
                        "venue", order.venue() == null ? "paper" : order.venue(), "strategy", order.strategy(),
                        "order", order.orderId())));
    }

    @Override
    public void recorded(OrderItem order) {
        if (order.status() != OrderStatus.REFUSED) return;
        String side = order.side() == null ? "" : order.side().name().toLowerCase();
        notifications.publish(order.userId(), new NotificationEvent("refusal:" + order.orderId(),
                NotificationEventType.REFUSAL, order.createdAt() != null ? order.createdAt() : clock.instant(),
                order.symbol() + " " + side + " refused: " + order.reason(),
                NotificationEvent.facts("symbol", order.symbol(), "side", side, "reason", order.reason(),
                        "signal", order.signalId(), "strategy", order.strategy(), "order", order.orderId())));
    }

    @Override
    public void botPaused(String userId, String reason) {
        Instant at = clock.instant();
        notifications.publish(userId, new NotificationEvent("auto-pause:" + at.toEpochMilli(),
                NotificationEventType.AUTO_PAUSE, at, "Your bot was paused after repeated broker errors",
                NotificationEvent.facts("reason", reason,
                        "to resume", "check your broker connection, then POST /api/v1/trading/resume")));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }
}
