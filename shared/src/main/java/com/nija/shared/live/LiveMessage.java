package com.nija.shared.live;

import java.time.Instant;
import java.util.List;

/**
 * One pushed message: up to {@code nija.live.max-updates-per-message} updates for one connection.
 *
 * @param type    always {@value #TYPE}
 * @param seq     per-connection sequence number, +1 per message: a client that sees any other step missed
 *                something and refetches over HTTP
 * @param sentAt  when the message left the function
 * @param updates in the order they happened
 */
public record LiveMessage(String type, long seq, Instant sentAt, List<LiveUpdate> updates) {
    public static final String TYPE = "updates";

    public static LiveMessage of(long seq, Instant sentAt, List<LiveUpdate> updates) {
        return new LiveMessage(TYPE, seq, sentAt, List.copyOf(updates));
    }
}
