package com.nija.shared.notifications;

/** Sends rendered notifications on one kind of channel. */
public interface ChannelSender {
    ChannelKind kind();

    /**
     * The secrets of the platform this sender uses (a bot token), besides the destination's own: the renderer keeps
     * them out of every message.
     */
    default java.util.List<String> platformSecrets() {
        return java.util.List.of();
    }

    /** @throws DeliveryFailedException when the message did not get through (the delivery is retried) */
    void send(NotificationEvent event, Destination destination, RenderedMessage message);
}
