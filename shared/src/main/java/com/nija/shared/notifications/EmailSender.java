package com.nija.shared.notifications;

import jakarta.inject.Singleton;

/** Emails the event to the address the trader set up, from the platform's sender address. */
@Singleton
public class EmailSender implements ChannelSender {
    private final MailTransport transport;
    private final NotificationsConfig config;

    public EmailSender(MailTransport transport, NotificationsConfig config) {
        this.transport = transport;
        this.config = config;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public void send(NotificationEvent event, Destination destination, RenderedMessage message) {
        transport.send(config.getEmailFrom(), destination.target(), message.subject(), message.text());
    }
}
