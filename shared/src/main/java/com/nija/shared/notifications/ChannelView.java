package com.nija.shared.notifications;

import java.time.Instant;

/**
 * A channel as the trader sees it: never a secret. {@code signingSecret} is set only in the answer that creates a
 * webhook channel — the one time it is shown.
 */
public record ChannelView(String channel, String target, boolean enabled, Instant createdAt, Instant disabledAt,
                          String disabledReason, Long consecutiveFailures, String signingSecret) {

    public static ChannelView of(NotificationChannelItem item) {
        return new ChannelView(item.channel(), item.target(), item.enabled(), item.createdAt(), item.disabledAt(),
                item.disabledReason(), item.consecutiveFailures() == null ? 0L : item.consecutiveFailures(), null);
    }

    public ChannelView withSigningSecret(String secret) {
        return new ChannelView(channel, target, enabled, createdAt, disabledAt, disabledReason, consecutiveFailures,
                secret);
    }

    @Override
    public String toString() {
        return "ChannelView[" + channel + ", " + target + ", enabled=" + enabled + "]";
    }
}
