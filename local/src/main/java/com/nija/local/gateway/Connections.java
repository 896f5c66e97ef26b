package com.nija.local.gateway;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@link HttpGateway#close()} needs to know from the connections: how many requests are between dispatch and
 * their response being flushed, and whether new requests must be refused because the gateway is closing.
 */
final class Connections {
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean closing;

    void begin() {
        active.incrementAndGet();
    }

    void end() {
        active.decrementAndGet();
    }

    int active() {
        return active.get();
    }

    boolean closing() {
        return closing;
    }

    void startClosing() {
        closing = true;
    }

    /** Waits until no request is in flight; false when {@code timeoutMillis} passed first. */
    boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (active.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
