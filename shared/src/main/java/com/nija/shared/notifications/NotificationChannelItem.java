package com.nija.shared.notifications;

import java.time.Instant;

/**
 * One channel a trader set up ({@code sk = NOTIFY#CHANNEL#<channel>}). {@code target} is what may be shown (the email
 * address, the webhook's host, the Telegram chat id, the Discord webhook's id); {@code sealed} holds what must not be
 * (the webhook's URL and signing secret, the Discord webhook's token) sealed by the envelope for this trader and
 * channel. {@code consecutiveFailures} counts failed attempts since the last success; at the configured limit the
 * channel is disabled ({@code disabledAt}, {@code disabledReason}) until it is set up again.
 */
public record NotificationChannelItem(String pk, String sk, String userId, String channel, String target,
                                      String sealed, Long consecutiveFailures, Instant disabledAt,
                                      String disabledReason, Instant createdAt, Long version) {

    public ChannelKind kind() {
        return ChannelKind.parse(channel).orElseThrow();
    }

    public boolean enabled() {
        return disabledAt == null;
    }

    @Override
    public String toString() {
        return "NotificationChannelItem[" + userId + ", " + channel + ", " + target + "]";
    }
}
