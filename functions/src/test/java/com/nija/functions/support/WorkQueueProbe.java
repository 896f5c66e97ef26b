package com.nija.functions.support;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Reads what the functions enqueued on the local signals and orders queues, the way the Lambda event source would
 * receive it (system attributes such as {@code MessageGroupId} included), and turns messages into {@link SQSEvent}s
 * for the queue-triggered handlers.
 *
 * <p>Reading takes messages off the queue: test classes run one after another, so a test reads what its own act step
 * sent and picks its own messages out by trader or signal id.
 */
public final class WorkQueueProbe {
    private final SqsClient sqs;
    private final String signalsUrl;
    private final String ordersUrl;

    WorkQueueProbe(SqsClient sqs, String signalsUrl, String ordersUrl) {
        this.sqs = sqs;
        this.signalsUrl = signalsUrl;
        this.ordersUrl = ordersUrl;
    }

    public String signalsUrl() {
        return signalsUrl;
    }

    public String ordersUrl() {
        return ordersUrl;
    }

    /** Every message now on the signals queue, removed from it. */
    public List<Message> takeSignals() {
        return takeAll(signalsUrl);
    }

    /** Every message now on the signals queue whose body matches, removed from it (with the others). */
    public List<Message> takeSignals(Predicate<String> body) {
        return takeSignals().stream().filter(m -> body.test(m.body())).toList();
    }

    /** Every message now on the orders FIFO queue, removed from it. */
    public List<Message> takeOrders() {
        return takeAll(ordersUrl);
    }

    /** The order messages of one trader (MessageGroupId = user id), removed from the queue with all the others. */
    public List<Message> takeOrdersOf(String userId) {
        return takeOrders().stream().filter(m -> userId.equals(groupId(m))).toList();
    }

    public static String groupId(Message m) {
        return m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
    }

    public static String deduplicationId(Message m) {
        return m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID);
    }

    /** The event Lambda's SQS event source would hand the worker for these messages. */
    public static SQSEvent event(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setAttributes(new LinkedHashMap<>(m.attributesAsStrings()));
            record.setMessageAttributes(new LinkedHashMap<>());
            record.setMd5OfBody(m.md5OfBody());
            record.setEventSource("aws:sqs");
            record.setAwsRegion("us-east-1");
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private List<Message> takeAll(String url) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) return all;
            for (Message m : batch) {
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
            all.addAll(batch);
        }
    }
}
