package com.nija.shared.notifications;

import com.nija.shared.config.NijaConfig;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one call every feature makes to tell a trader something: {@link #publish} puts the event on the notifications
 * queue and returns; the notification worker reads the trader's preferences and delivers it on each chosen channel.
 * Publishing never fails its caller — an order, a webhook, a mode switch stands whether or not the notice could be
 * queued (a failure is logged and counted as {@code NotificationEnqueueFailed}).
 */
@Singleton
public class Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final SqsClient sqs;
    private final NijaConfig config;

    public Notifications(SqsClient sqs, NijaConfig config) {
        this.sqs = sqs;
        this.config = config;
    }

    /** Queues {@code event} for {@code traderId}; true when SQS took it. */
    public boolean publish(String traderId, NotificationEvent event) {
        String url = config.getNotificationsQueueUrl();
        if (url == null) {
            LOG.debug("no notifications queue configured; {} for {} not sent", event.type().wire(), traderId);
            return false;
        }
        try {
            String body = new NotificationMessage(traderId, event).write();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
            Telemetry.record(Metric.count("NotificationPublished", "event", event.type().wire()));
            return true;
        } catch (RuntimeException e) {
            Telemetry.record(Metric.count("NotificationEnqueueFailed", "event", event.type().wire()));
            LOG.warn("notification {} ({}) for trader {} could not be queued: {}", event.id(), event.type().wire(),
                    traderId, e.getClass().getSimpleName());
            return false;
        }
    }
}
