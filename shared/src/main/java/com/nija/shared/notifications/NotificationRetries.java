package com.nija.shared.notifications;

import com.nija.shared.config.NijaConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Backoff for failed deliveries: the message stays on the queue, hidden for longer after each failed receive
 * ({@code ChangeMessageVisibility}); SQS's redrive policy bounds the receives. Should the change fail, the queue's own
 * visibility timeout applies: a retry comes sooner, never never.
 */
@Singleton
public class NotificationRetries {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationRetries.class);
    /** SQS's limit on a message's visibility timeout. */
    private static final Duration MAX_VISIBILITY = Duration.ofHours(12);

    private final SqsClient sqs;
    private final NijaConfig nija;
    private final NotificationsConfig config;

    public NotificationRetries(SqsClient sqs, NijaConfig nija, NotificationsConfig config) {
        this.sqs = sqs;
        this.nija = nija;
        this.config = config;
    }

    /** The wait after the {@code receive}-th failed receive: base, 2 × base, 4 × base … up to the configured maximum. */
    public Duration backoff(int receive) {
        Duration wait = config.getRetryBase().multipliedBy(1L << Math.min(20, Math.max(0, receive - 1)));
        return wait.compareTo(config.getRetryMax()) > 0 ? config.getRetryMax() : wait;
    }

    /** Hides the received message for {@code wait} before its next receive. */
    public void retryIn(String receiptHandle, Duration wait) {
        String url = nija.getNotificationsQueueUrl();
        if (url == null || receiptHandle == null) return;
        long seconds = Math.min(MAX_VISIBILITY.toSeconds(), Math.max(0, wait.toSeconds()));
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(receiptHandle)
                    .visibilityTimeout((int) seconds));
        } catch (SdkException e) {
            LOG.warn("could not delay a notification retry by {} s; the queue's visibility timeout applies: {}",
                    seconds, e.getClass().getSimpleName());
        }
    }
}
