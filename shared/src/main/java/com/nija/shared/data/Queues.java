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

    public static final List<QueueDefinition> ALL = List.of(SIGNALS, ORDERS);

    private Queues() {}
}
