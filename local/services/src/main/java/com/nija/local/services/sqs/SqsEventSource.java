package com.nija.local.services.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Does for one queue and one handler what Lambda's SQS event source mapping does, with
 * {@code FunctionResponseTypes: ReportBatchItemFailures}:
 * <ul>
 *   <li>{@code pollers} threads each long-poll the queue (= the mapping's "maximum concurrency": at most that many
 *       invocations run at once) and hand each non-empty receive of up to {@code batchSize} messages to the handler
 *       as one {@link SQSEvent} in Lambda's record shape;</li>
 *   <li>messages not named in {@link SQSBatchResponse#getBatchItemFailures()} are deleted; the named ones stay and
 *       become visible again after the queue's visibility timeout, until the queue's redrive policy moves them to the
 *       dead-letter queue (SQS or ElasticMQ does that, on the receive after {@code maxReceiveCount});</li>
 *   <li>if the handler throws, or names a message that is not in the batch, nothing is deleted: the whole batch is
 *       retried, as Lambda does.</li>
 * </ul>
 *
 * <p>FIFO queues: the broker never hands out a message group's next message while an earlier one is in flight (SQS
 * documents it; ElasticMQ does the same, which {@code ElasticMqServerTest} checks), so one group is never processed by
 * two invocations at once, and a batch holds a group's messages in order. What the broker cannot protect is a batch in
 * which the handler fails an earlier message of a group but not a later one: Lambda deletes the later one, which has
 * then overtaken the retried earlier one. AWS leaves this to the function ("stop processing after the first failure
 * and return all failed and unprocessed messages"; Powertools' FIFO batch handlers do it). This source does what
 * Lambda does, so a handler that gets it wrong fails here as it would in AWS, but it logs a warning and counts each
 * such message in {@link Metrics#fifoOrderViolations()} for tests to assert on.
 *
 * <p>Not modelled: the batching window (receives return as soon as a message is there, as with Lambda's default of
 * 0 s for standard queues), scaling the number of pollers, the function timeout, and message deletes that fail
 * because processing outlived the visibility timeout (logged; the message is then delivered again).
 */
public final class SqsEventSource implements AutoCloseable {

    /** Default pollers: Lambda starts with five long-poll connections per mapping. */
    public static final int DEFAULT_POLLERS = 5;
    /** Default and largest batch: one ReceiveMessage returns at most ten messages. */
    public static final int MAX_BATCH_SIZE = 10;
    /**
     * Default long-poll wait. A poll in progress cannot be cut short (blocking HTTP clients ignore interrupts),
     * so this bounds how long {@link #close()} waits for idle pollers; delivery latency does not depend on it, as a
     * waiting receive returns as soon as a message arrives.
     */
    public static final Duration DEFAULT_WAIT_TIME = Duration.ofSeconds(1);
    /** Default time {@link #close()} waits for in-flight invocations before interrupting them. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSource.class);
    private static final String EVENT_SOURCE = "aws:sqs";
    private static final String MESSAGE_GROUP_ID = MessageSystemAttributeName.MESSAGE_GROUP_ID.toString();
    private static final long MAX_BACKOFF_MS = 2_000;

    private final SqsClient sqs;
    private final String queueUrl;
    private final Function<SQSEvent, SQSBatchResponse> handler;
    private final int pollers;
    private final int batchSize;
    private final Duration waitTime;
    private final Duration shutdownTimeout;

    private final LongAdder invocations = new LongAdder();
    private final LongAdder messagesSucceeded = new LongAdder();
    private final LongAdder messagesFailed = new LongAdder();
    private final LongAdder handlerErrors = new LongAdder();
    private final LongAdder fifoOrderViolations = new LongAdder();

    private volatile boolean running;
    private ExecutorService executor;
    private String queueArn;
    private String region;

    private SqsEventSource(Builder builder) {
        this.sqs = builder.sqs;
        this.queueUrl = builder.queueUrl;
        this.handler = builder.handler;
        this.pollers = builder.pollers;
        this.batchSize = builder.batchSize;
        this.waitTime = builder.waitTime;
        this.shutdownTimeout = builder.shutdownTimeout;
    }

    /** A source that passes each batch to {@code handler}. */
    public static Builder builder(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> handler) {
        return new Builder(sqs, queueUrl, handler);
    }

    /** A source that invokes a Lambda handler, with a fresh {@link Context} from {@code context} per invocation. */
    public static Builder builder(SqsClient sqs, String queueUrl, RequestHandler<SQSEvent, SQSBatchResponse> handler,
                                  Supplier<? extends Context> context) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(context, "context");
        return new Builder(sqs, queueUrl, event -> handler.handleRequest(event, context.get()));
    }

    /**
     * Reads the queue's ARN (for {@code eventSourceARN} and {@code awsRegion}) and starts the pollers.
     *
     * @throws IllegalStateException when already started
     * @throws SdkException          when the queue cannot be read (wrong URL, broker not running)
     */
    public synchronized SqsEventSource start() {
        if (executor != null) {
            throw new IllegalStateException("SqsEventSource for " + queueUrl + " was already started");
        }
        queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        region = regionOf(queueArn);
        String queueName = queueArn.substring(queueArn.lastIndexOf(':') + 1);
        AtomicInteger threadNumber = new AtomicInteger();
        executor = Executors.newFixedThreadPool(pollers, task -> {
            Thread thread = new Thread(task, "sqs-poller-" + queueName + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        for (int i = 0; i < pollers; i++) {
            executor.execute(this::poll);
        }
        LOG.info("polling {} with {} pollers, batches of up to {}", queueName, pollers, batchSize);
        return this;
    }

    /**
     * Stops polling and waits for in-flight invocations to finish and their messages to be deleted; idle pollers
     * return within the long-poll wait time. Messages received after the stop are made visible again at once.
     */
    @Override
    public synchronized void close() {
        if (executor == null || !running) {
            return;
        }
        running = false;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(shutdownTimeout.plus(waitTime).toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("invocations on {} still running after {}; interrupting them", queueUrl, shutdownTimeout);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** Counters since start. */
    public Metrics metrics() {
        return new Metrics(invocations.sum(), messagesSucceeded.sum(), messagesFailed.sum(), handlerErrors.sum(),
                fifoOrderViolations.sum());
    }

    /**
     * @param invocations       handler invocations (one per non-empty receive)
     * @param messagesSucceeded messages processed and deleted
     * @param messagesFailed      messages left for a retry: reported as failed, in a batch whose invocation threw, or
     *                            whose delete failed
     * @param handlerErrors       invocations that threw or answered with a message id not in the batch
     * @param fifoOrderViolations FIFO messages the handler let through (so they were deleted) after failing an earlier
     *                            message of the same group in the batch; always 0 for a correct FIFO handler
     */
    public record Metrics(long invocations, long messagesSucceeded, long messagesFailed, long handlerErrors,
                          long fifoOrderViolations) {
    }

    private void poll() {
        long backoffMs = 0;
        ReceiveMessageRequest request = ReceiveMessageRequest.builder()
                .queueUrl(queueUrl)
                .maxNumberOfMessages(batchSize)
                .waitTimeSeconds((int) waitTime.toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")
                .build();
        while (running) {
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(request).messages();
                backoffMs = 0;
            } catch (SdkException e) {
                if (!running) {
                    return;
                }
                backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(100, backoffMs * 2));
                LOG.warn("receive from {} failed, retrying in {} ms: {}", queueUrl, backoffMs, e.toString());
                if (!sleep(backoffMs)) {
                    return;
                }
                continue;
            }
            if (messages.isEmpty()) {
                continue;
            }
            if (!running) {
                release(messages);
                return;
            }
            invoke(messages);
        }
    }

    private void invoke(List<Message> messages) {
        invocations.increment();
        Set<String> failedIds;
        try {
            SQSBatchResponse response = handler.apply(event(messages));
            failedIds = failedIds(messages, response);
        } catch (RuntimeException | Error e) {
            // As the Lambda runtime does: whatever the handler throws fails the invocation, and the poller lives on.
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            handlerErrors.increment();
            messagesFailed.add(messages.size());
            LOG.warn("handler failed on a batch of {} from {}; all of it will be retried after the visibility timeout",
                    messages.size(), queueUrl, e);
            return;
        }
        if (failedIds == null) {
            handlerErrors.increment();
            messagesFailed.add(messages.size());
            return;
        }
        List<Message> done = new ArrayList<>();
        Set<String> failedGroups = new HashSet<>();
        List<String> overtaking = new ArrayList<>();
        for (Message message : messages) {
            String group = message.attributesAsStrings().get(MESSAGE_GROUP_ID);
            if (failedIds.contains(message.messageId())) {
                if (group != null) {
                    failedGroups.add(group);
                }
            } else {
                if (group != null && failedGroups.contains(group)) {
                    overtaking.add(message.messageId());
                }
                done.add(message);
            }
        }
        if (!overtaking.isEmpty()) {
            fifoOrderViolations.add(overtaking.size());
            LOG.warn("handler failed an earlier message of the same FIFO group but not {}: deleted, as Lambda deletes "
                    + "them, they overtake the retried one. A FIFO handler must also report every message after its "
                    + "group's first failure as failed", overtaking);
        }
        messagesFailed.add(messages.size() - done.size());
        delete(done);
    }

    /**
     * The ids the handler reported as failed, or {@code null} when the response names an id that is not in the batch
     * (or a blank one), which Lambda treats as a failure of the whole batch.
     */
    private Set<String> failedIds(List<Message> messages, SQSBatchResponse response) {
        Set<String> failed = new HashSet<>();
        if (response == null || response.getBatchItemFailures() == null) {
            return failed;
        }
        Set<String> inBatch = new HashSet<>();
        messages.forEach(m -> inBatch.add(m.messageId()));
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || !inBatch.contains(id)) {
                LOG.warn("handler reported a failure for '{}', which is not in the batch; retrying the whole batch", id);
                return null;
            }
            failed.add(id);
        }
        return failed;
    }

    private void delete(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i)).receiptHandle(messages.get(i).receiptHandle()).build());
        }
        try {
            List<BatchResultErrorEntry> errors = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries))
                    .failed();
            messagesSucceeded.add(messages.size() - errors.size());
            messagesFailed.add(errors.size());
            for (BatchResultErrorEntry error : errors) {
                LOG.warn("could not delete message {} from {} ({}: {}); it will be delivered again",
                        messages.get(Integer.parseInt(error.id())).messageId(), queueUrl, error.code(), error.message());
            }
        } catch (SdkException e) {
            messagesFailed.add(messages.size());
            LOG.warn("could not delete {} processed messages from {}; they will be delivered again", messages.size(),
                    queueUrl, e);
        }
    }

    /** Hands messages received during shutdown back to the queue at once instead of after the visibility timeout. */
    private void release(List<Message> messages) {
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                    .id(Integer.toString(i)).receiptHandle(messages.get(i).receiptHandle()).visibilityTimeout(0).build());
        }
        try {
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries));
        } catch (SdkException e) {
            LOG.debug("could not release {} messages on {}; they reappear after the visibility timeout: {}",
                    messages.size(), queueUrl, e.toString());
        }
    }

    private SQSEvent event(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>(messages.size());
        for (Message message : messages) {
            records.add(record(message));
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private SQSEvent.SQSMessage record(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, attribute(value)));
        record.setMessageAttributes(attributes);
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        record.setEventSource(EVENT_SOURCE);
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(region);
        return record;
    }

    /** Lambda's shape: list fields are present and empty. */
    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        attribute.setBinaryValue(value.binaryValue() == null ? null : value.binaryValue().asByteBuffer());
        attribute.setStringListValues(new ArrayList<>(value.stringListValues()));
        List<java.nio.ByteBuffer> binaries = new ArrayList<>();
        value.binaryListValues().forEach(b -> binaries.add(b.asByteBuffer()));
        attribute.setBinaryListValues(binaries);
        return attribute;
    }

    /** {@code arn:aws:sqs:<region>:<account>:<name>}. */
    private static String regionOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 ? parts[3] : null;
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Settings of an {@link SqsEventSource}; defaults as Lambda's where Lambda has one. */
    public static final class Builder {
        private final SqsClient sqs;
        private final String queueUrl;
        private final Function<SQSEvent, SQSBatchResponse> handler;
        private int pollers = DEFAULT_POLLERS;
        private int batchSize = MAX_BATCH_SIZE;
        private Duration waitTime = DEFAULT_WAIT_TIME;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

        private Builder(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> handler) {
            this.sqs = Objects.requireNonNull(sqs, "sqs");
            this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /** Concurrent pollers, hence concurrent invocations (Lambda's "maximum concurrency"); 1 or more. */
        public Builder pollers(int pollers) {
            if (pollers < 1) {
                throw new IllegalArgumentException("pollers must be at least 1, was " + pollers);
            }
            this.pollers = pollers;
            return this;
        }

        /** Messages per invocation at most, 1 to 10. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("batchSize must be 1 to " + MAX_BATCH_SIZE + ", was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Long-poll wait per receive, whole seconds from 1 to 20 s. */
        public Builder waitTime(Duration waitTime) {
            long seconds = waitTime.toSeconds();
            if (seconds < 1 || seconds > 20 || !waitTime.equals(Duration.ofSeconds(seconds))) {
                throw new IllegalArgumentException("waitTime must be whole seconds from 1 to 20, was " + waitTime);
            }
            this.waitTime = waitTime;
            return this;
        }

        /** How long {@link SqsEventSource#close()} lets in-flight invocations finish before interrupting them. */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            if (shutdownTimeout.isNegative()) {
                throw new IllegalArgumentException("shutdownTimeout must not be negative, was " + shutdownTimeout);
            }
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        public SqsEventSource build() {
            return new SqsEventSource(this);
        }
    }
}
