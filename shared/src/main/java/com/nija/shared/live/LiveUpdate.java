package com.nija.shared.live;

import java.time.Instant;
import java.util.Objects;

/**
 * One state change as a client sees it.
 *
 * @param channel what a connection subscribes to for it ({@link Channels})
 * @param event   what happened ({@link LiveEvent}: {@code order.filled}, {@code position.opened}, {@code price}, …)
 * @param at      when it happened (fill time, price time)
 * @param data    the new state (a view record; money as decimal strings)
 */
public record LiveUpdate(String channel, LiveEvent event, Instant at, Object data) {
    public LiveUpdate {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(event, "event");
    }
}
