package com.nija.functions.notifications;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.nija.functions.http.QueueHandler;
import com.nija.shared.data.Queues;
import com.nija.shared.notifications.NotificationDispatcher;
import com.nija.shared.notifications.NotificationMessage;
import com.nija.shared.notifications.NotificationRetries;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.slf4j.MDC;

/**
 * Notification worker — triggered by the notifications queue (one message per event and trader). Delivers the event on
 * each channel the trader chose (email, webhook, Telegram, Discord), each once. A delivery that failed is retried on a
 * later receive, the message hidden for longer each time (30 s, 1 min, 2 min … 15 min); after
 * {@code maxReceiveCount} receives it is recorded as failed. Only a message that is not a notification reaches the DLQ.
 */
public class NotificationWorkerHandler extends QueueHandler {
    @Inject NotificationDispatcher dispatcher;
    @Inject NotificationRetries retries;

    public NotificationWorkerHandler() {}

    public NotificationWorkerHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected boolean process(SQSEvent.SQSMessage message) {
        NotificationMessage notification = NotificationMessage.read(message.getBody());
        MDC.put("user_id", notification.traderId());
        MDC.put("event_id", notification.event().id());
        try {
            int receive = receiveCount(message);
            NotificationDispatcher.Outcome outcome = dispatcher.dispatch(notification, receive,
                    Queues.NOTIFICATIONS.maxReceiveCount(), retries.backoff(receive));
            if (!outcome.done()) retries.retryIn(message.getReceiptHandle(), outcome.retryIn());
            return outcome.done();
        } finally {
            MDC.remove("user_id");
            MDC.remove("event_id");
        }
    }
}
