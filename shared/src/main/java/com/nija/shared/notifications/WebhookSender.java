package com.nija.shared.notifications;

import com.nija.shared.crypto.TimestampedHmac;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * Posts the event's JSON to the trader's HTTPS endpoint, signed like the signals NIJA receives:
 * {@code X-Nija-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(signing secret, "<t>.<body>")>}, with
 * {@code X-Nija-Event} (the type) and {@code X-Nija-Delivery} (the event id: the same on every retry, so the receiver
 * can drop repeats). Any 2xx answer is a delivery; anything else is retried.
 */
@Singleton
public class WebhookSender implements ChannelSender {
    public static final String SIGNATURE = "X-Nija-Signature";
    public static final String EVENT = "X-Nija-Event";
    public static final String DELIVERY = "X-Nija-Delivery";

    private final NotificationHttp http;
    private final NotificationsConfig config;
    private final Clock clock;

    public WebhookSender(NotificationHttp http, NotificationsConfig config, Clock clock) {
        this.http = http;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public void send(NotificationEvent event, Destination destination, RenderedMessage message) {
        URI url = URI.create(destination.secret(ChannelSetup.URL));
        WebhookAddresses.resolvedRefusal(url, config.isAllowLocalWebhooks()).ifPresent(why -> {
            throw new DeliveryFailedException("the webhook URL is not one NIJA sends to: " + why);
        });
        String signature = TimestampedHmac.sign(destination.secret(ChannelSetup.SIGNING_SECRET), message.json(),
                clock.instant());
        NotificationHttp.Answer answer = http.postJson(url, message.json(),
                Map.of(SIGNATURE, signature, EVENT, event.type().wire(), DELIVERY, event.id()), "the webhook endpoint");
        if (!answer.ok()) throw new DeliveryFailedException("the webhook endpoint answered HTTP " + answer.status());
    }
}
