package com.nija.shared.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Packs one connection's updates into as few messages as the limits allow, keeping their order: at most
 * {@code maxUpdates} updates and {@code maxBytes} encoded bytes per message (API Gateway's 32 KB frame). Sizes are
 * measured with the widest sequence number and timestamp a message can carry, so assigning the real ones later
 * never pushes a message over. An update too large to fit even alone is replaced by an {@code update.too-large}
 * notice on its channel telling the client to refetch over HTTP; nothing is dropped silently.
 */
public final class MessageBatcher {
    private static final Instant WIDEST_TIME = Instant.parse("2026-12-31T23:59:59.999999999Z");

    private final int maxUpdates;
    private final int maxBytes;

    public MessageBatcher(int maxUpdates, int maxBytes) {
        if (maxUpdates < 1) throw new IllegalArgumentException("maxUpdates must be at least 1: " + maxUpdates);
        if (maxBytes < 256) throw new IllegalArgumentException("maxBytes must be at least 256: " + maxBytes);
        this.maxUpdates = maxUpdates;
        this.maxBytes = maxBytes;
    }

    public static MessageBatcher from(LiveConfig config) {
        return new MessageBatcher(config.getMaxUpdatesPerMessage(), config.getMaxMessageBytes());
    }

    /** The updates split into messages, in order; empty for no updates. */
    public List<List<LiveUpdate>> split(List<LiveUpdate> updates, Format format) {
        List<List<LiveUpdate>> messages = new ArrayList<>();
        List<LiveUpdate> current = new ArrayList<>(Math.min(updates.size(), maxUpdates));
        for (LiveUpdate update : updates) {
            LiveUpdate fitting = fits(List.of(update), format) ? update : tooLarge(update);
            current.add(fitting);
            if (current.size() > maxUpdates || !fits(current, format)) {
                current.remove(current.size() - 1);
                messages.add(List.copyOf(current));
                current.clear();
                current.add(fitting);
            }
        }
        if (!current.isEmpty()) messages.add(List.copyOf(current));
        return messages;
    }

    /** Encoded size of a message holding {@code updates}, at its widest. */
    public static int size(List<LiveUpdate> updates, Format format) {
        return MessageCodec.encode(LiveMessage.of(Long.MAX_VALUE, WIDEST_TIME, updates), format).length;
    }

    private boolean fits(List<LiveUpdate> updates, Format format) {
        return size(updates, format) <= maxBytes;
    }

    private static LiveUpdate tooLarge(LiveUpdate update) {
        return new LiveUpdate(update.channel(), LiveEvent.UPDATE_TOO_LARGE, update.at(),
                Map.of("event", update.event().wireName(), "hint", "too large to push; refetch over the HTTP API"));
    }
}
