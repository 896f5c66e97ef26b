package com.nija.shared.data;

import java.time.Duration;
import java.util.List;

/** Every queue NIJA owns. */
public final class Queues {
    /**
     * Per-trader order work from the signal fan-out: FIFO with MessageGroupId = user id (each trader's orders
     * in signal order) and dedup id = signal id + user id. Poison messages go to the DLQ after 5 receives.
     */
    public static final QueueDefinition ORDERS = new QueueDefinition(
            "orders", "nija-orders.fifo", true, Duration.ofSeconds(60), 5);

    /** Accepted signals waiting for fan-out; fan-out is idempotent, so a standard queue suffices. */
    public static final QueueDefinition SIGNALS = new QueueDefinition(
            "signals", "nija-signals", false, Duration.ofSeconds(60), 5);

    /**
     * Trader notifications (email, webhooks, Telegram, Discord) waiting for the notification worker: a standard queue,
     * since deliveries are idempotent per event and channel. A failed delivery is retried with a growing delay (the
     * worker stretches the message's visibility); after 8 receives it is recorded as failed, and only a message the
     * worker cannot read at all reaches the DLQ.
     */
    public static final QueueDefinition NOTIFICATIONS = new QueueDefinition(
            "notifications", "nija-notifications", false, Duration.ofSeconds(60), 8);

    public static final List<QueueDefinition> ALL = List.of(SIGNALS, ORDERS, NOTIFICATIONS);

    private Queues() {}

    /** The URL configuration gives a queue of {@link #ALL} (CDK sets it per queue, the local platform per run). */
    public static String configuredUrl(QueueDefinition queue, com.nija.shared.config.NijaConfig config) {
        if (queue == ORDERS) return config.getOrdersQueueUrl();
        if (queue == SIGNALS) return config.getSignalsQueueUrl();
        if (queue == NOTIFICATIONS) return config.getNotificationsQueueUrl();
        throw new IllegalArgumentException("no URL setting for queue " + queue.id());
    }
}
