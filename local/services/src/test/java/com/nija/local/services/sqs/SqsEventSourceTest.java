package com.nija.local.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.nija.local.services.FreePort;
import com.nija.shared.data.QueueDefinition;
import com.nija.shared.data.QueueProvisioner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

@DisplayName("SqsEventSource on ElasticMQ")
class SqsEventSourceTest {

    private static final Duration SHORT_VISIBILITY = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final AtomicInteger QUEUE_NUMBER = new AtomicInteger();

    private static ElasticMqServer server;
    private static SqsClient sqs;
    private static QueueProvisioner provisioner;

    @BeforeAll
    static void startServer() {
        server = ElasticMqServer.start(FreePort.find());
        sqs = LocalSqs.client(server.endpoint());
        provisioner = new QueueProvisioner(sqs);
    }

    @AfterAll
    static void stopServer() {
        sqs.close();
        server.close();
    }

    @Test
    @DisplayName("hands the handler records in Lambda's shape and deletes them after success")
    void recordShape() {
        QueueDefinition def = fifo(Duration.ofSeconds(30), 5);
        String url = provisioner.ensure(def);
        LinkedBlockingQueue<SQSEvent> events = new LinkedBlockingQueue<>();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"signal\":\"s-1\"}").messageGroupId("user-1")
                .messageDeduplicationId("s-1#user-1")
                .messageAttributes(Map.of("signalId", MessageAttributeValue.builder()
                        .dataType("String").stringValue("s-1").build())));

        try (SqsEventSource source = SqsEventSource.builder(sqs, url, collecting(events)).pollers(1).build().start()) {
            SQSEvent event = take(events);

            assertThat(event.getRecords()).hasSize(1);
            SQSEvent.SQSMessage record = event.getRecords().get(0);
            assertThat(record.getMessageId()).isNotBlank();
            assertThat(record.getReceiptHandle()).isNotBlank();
            assertThat(record.getBody()).isEqualTo("{\"signal\":\"s-1\"}");
            assertThat(record.getMd5OfBody()).isEqualTo(md5("{\"signal\":\"s-1\"}"));
            assertThat(record.getEventSource()).isEqualTo("aws:sqs");
            assertThat(record.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:" + def.defaultName());
            assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
            assertThat(record.getAttributes())
                    .containsEntry("ApproximateReceiveCount", "1")
                    .containsEntry("MessageGroupId", "user-1")
                    .containsEntry("MessageDeduplicationId", "s-1#user-1")
                    .containsKeys("SentTimestamp", "SequenceNumber", "ApproximateFirstReceiveTimestamp");
            assertThat(record.getMessageAttributes()).containsOnlyKeys("signalId");
            assertThat(record.getMessageAttributes().get("signalId").getStringValue()).isEqualTo("s-1");
            assertThat(record.getMessageAttributes().get("signalId").getDataType()).isEqualTo("String");
            await("message deleted", () -> source.metrics().messagesSucceeded() == 1);
            assertThat(messagesIn(url)).isZero();
            assertThat(source.metrics()).isEqualTo(new SqsEventSource.Metrics(1, 1, 0, 0, 0));
        }
    }

    @Test
    @DisplayName("keeps each FIFO group in order and never runs one group concurrently: 3 groups x 30, 4 pollers")
    void fifoOrderPerGroup() {
        String url = provisioner.ensure(fifo(Duration.ofSeconds(30), 5));
        int groups = 3;
        int perGroup = 30;
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Function<SQSEvent, SQSBatchResponse> handler = event -> {
            threads.add(Thread.currentThread().getName());
            Set<String> batchGroups = ConcurrentHashMap.newKeySet();
            event.getRecords().forEach(r -> batchGroups.add(r.getAttributes().get("MessageGroupId")));
            batchGroups.forEach(g -> {
                if (active.computeIfAbsent(g, k -> new AtomicInteger()).incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
            });
            for (SQSEvent.SQSMessage record : event.getRecords()) {
                String[] parts = record.getBody().split(":");
                seen.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(parts[1]));
                sleep(2); // give other pollers the chance to grab the same group if the broker let them
            }
            batchGroups.forEach(g -> active.get(g).decrementAndGet());
            return new SQSBatchResponse(List.of());
        };
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int seq = 0; seq < perGroup; seq++) {
            for (int g = 0; g < groups; g++) {
                String body = "group-" + g + ":" + seq;
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + entries.size()).messageBody(body)
                        .messageGroupId("group-" + g).messageDeduplicationId(body.replace(':', '-')).build());
            }
        }
        for (int from = 0; from < entries.size(); from += 10) {
            List<SendMessageBatchRequestEntry> chunk = entries.subList(from, from + 10);
            assertThat(sqs.sendMessageBatch(b -> b.queueUrl(url).entries(chunk)).failed()).isEmpty();
        }

        try (SqsEventSource source = SqsEventSource.builder(sqs, url, handler).pollers(4).build().start()) {
            await("all 90 processed", () -> source.metrics().messagesSucceeded() == groups * perGroup);
            System.out.printf("FIFO order test: %d invocations on %d poller threads%n",
                    source.metrics().invocations(), threads.size());
        }

        List<Integer> expected = new ArrayList<>();
        for (int seq = 0; seq < perGroup; seq++) {
            expected.add(seq);
        }
        assertThat(seen).hasSize(groups);
        seen.forEach((group, order) -> assertThat(order).as(group).isEqualTo(expected));
        assertThat(overlaps).as("times a group was in two invocations at once").hasValue(0);
    }

    @Test
    @DisplayName("retries only the messages the handler reports as failed")
    void partialBatchFailure() {
        String url = provisioner.ensure(standard(SHORT_VISIBILITY, 5));
        Map<String, List<String>> receiveCounts = new ConcurrentHashMap<>();
        Function<SQSEvent, SQSBatchResponse> handler = event -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage record : event.getRecords()) {
                String count = record.getAttributes().get("ApproximateReceiveCount");
                receiveCounts.computeIfAbsent(record.getBody(), k -> new CopyOnWriteArrayList<>()).add(count);
                if (Set.of("m2", "m4").contains(record.getBody()) && count.equals("1")) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        };
        sendAll(url, "m1", "m2", "m3", "m4", "m5");

        try (SqsEventSource source = SqsEventSource.builder(sqs, url, handler).pollers(1).build().start()) {
            await("all five processed", () -> source.metrics().messagesSucceeded() == 5);
            assertThat(source.metrics().messagesFailed()).isEqualTo(2);
            assertThat(source.metrics().handlerErrors()).isZero();
        }

        assertThat(receiveCounts).containsOnlyKeys("m1", "m2", "m3", "m4", "m5");
        assertThat(receiveCounts.get("m1")).containsExactly("1");
        assertThat(receiveCounts.get("m2")).containsExactly("1", "2");
        assertThat(receiveCounts.get("m3")).containsExactly("1");
        assertThat(receiveCounts.get("m4")).containsExactly("1", "2");
        assertThat(receiveCounts.get("m5")).containsExactly("1");
        assertThat(messagesIn(url)).isZero();
    }

    @Test
    @DisplayName("deletes what a FIFO handler lets through after a failure in its group, as Lambda does, and flags it")
    void fifoPartialFailureAsLambda() {
        String url = provisioner.ensure(fifo(SHORT_VISIBILITY, 5));
        List<String> deliveries = new CopyOnWriteArrayList<>();
        AtomicBoolean first = new AtomicBoolean(true);
        AtomicInteger firstBatchSize = new AtomicInteger();
        Function<SQSEvent, SQSBatchResponse> handler = event -> {
            boolean failing = first.getAndSet(false);
            if (failing) {
                firstBatchSize.set(event.getRecords().size());
            }
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage record : event.getRecords()) {
                String body = record.getBody();
                deliveries.add(body + "#" + record.getAttributes().get("ApproximateReceiveCount"));
                // Group a: a careless handler fails a-1 only. Group c: a correct one fails c-1 and reports c-2 too.
                if (failing && Set.of("a-1", "c-1", "c-2").contains(body)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        };
        sendFifo(url, "a", "a-1", "a-2", "a-3");
        sendFifo(url, "b", "b-1");
        sendFifo(url, "c", "c-1", "c-2");

        try (SqsEventSource source = SqsEventSource.builder(sqs, url, handler).pollers(1).build().start()) {
            await("all six processed", () -> source.metrics().messagesSucceeded() == 6);
            assertThat(source.metrics().messagesFailed()).isEqualTo(3);
            assertThat(source.metrics().fifoOrderViolations()).as("a-2 and a-3 overtook a-1").isEqualTo(2);
        }

        assertThat(firstBatchSize).as("first batch held all three groups").hasValue(6);
        assertThat(deliveries.stream().filter(d -> d.startsWith("a-")))
                .containsExactly("a-1#1", "a-2#1", "a-3#1", "a-1#2");
        assertThat(deliveries.stream().filter(d -> d.startsWith("b-"))).containsExactly("b-1#1");
        assertThat(deliveries.stream().filter(d -> d.startsWith("c-")))
                .containsExactly("c-1#1", "c-2#1", "c-1#2", "c-2#2");
        assertThat(messagesIn(url)).isZero();
    }

    @Test
    @DisplayName("treats a reported failure for a message not in the batch as a failure of the whole batch")
    void unknownFailureIdFailsWholeBatch() {
        String url = provisioner.ensure(standard(Duration.ofSeconds(30), 5));
        Function<SQSEvent, SQSBatchResponse> handler = event ->
                new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("not-a-message-id")));
        sendAll(url, "u1", "u2");

        try (SqsEventSource source = SqsEventSource.builder(sqs, url, handler).pollers(1).build().start()) {
            await("one invocation", () -> source.metrics().invocations() >= 1);
            await("its outcome counted", () -> source.metrics().handlerErrors() >= 1);
            assertThat(source.metrics().messagesSucceeded()).isZero();
        }

        assertThat(messagesIn(url)).as("both still in flight, none deleted").isEqualTo(2);
    }

    @Test
    @DisplayName("moves a message that keeps failing to the dead-letter queue after maxReceiveCount receives")
    void poisonMessageToDeadLetterQueue() {
        QueueDefinition def = standard(SHORT_VISIBILITY, 2);
        String url = provisioner.ensure(def);
        String dlqUrl = provisioner.dlqUrl(def);
        AtomicInteger poisonDeliveries = new AtomicInteger();
        Function<SQSEvent, SQSBatchResponse> handler = event -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage record : event.getRecords()) {
                if (record.getBody().equals("poison")) {
                    poisonDeliveries.incrementAndGet();
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        };
        sendAll(url, "poison", "fine");

        List<Message> deadLetters = new ArrayList<>();
        try (SqsEventSource source = SqsEventSource.builder(sqs, url, handler).pollers(2).build().start()) {
            await("poison message in the DLQ", () -> {
                deadLetters.addAll(sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(1)).messages());
                return !deadLetters.isEmpty();
            });
            assertThat(source.metrics().messagesSucceeded()).isEqualTo(1);
        }

        assertThat(deadLetters).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("poison"));
        assertThat(poisonDeliveries).as("handler invocations with the poison message").hasValue(2);
        assertThat(messagesIn(url)).isZero();
    }

    @Test
    @DisplayName("retries the whole batch when the handler throws")
    void handlerExceptionRetriesWholeBatch() {
        String url = provisioner.ensure(standard(SHORT_VISIBILITY, 5));
        Map<String, List<String>> receiveCounts = new ConcurrentHashMap<>();
        AtomicInteger firstBatchSize = new AtomicInteger();
        Function<SQSEvent, SQSBatchResponse> handler = event -> {
            firstBatchSize.compareAndSet(0, event.getRecords().size());
            boolean firstDelivery = false;
            for (SQSEvent.SQSMessage record : event.getRecords()) {
                String count = record.getAttributes().get("ApproximateReceiveCount");
                receiveCounts.computeIfAbsent(record.getBody(), k -> new CopyOnWriteArrayList<>()).add(count);
                firstDelivery |= count.equals("1");
            }
            if (firstDelivery) {
                throw new IllegalStateException("downstream unavailable (thrown on purpose by the test)");
            }
            return new SQSBatchResponse(List.of());
        };
        sendAll(url, "x1", "x2", "x3");

        try (SqsEventSource source = SqsEventSource.builder(sqs, url, handler).pollers(1).build().start()) {
            await("all three processed", () -> source.metrics().messagesSucceeded() == 3);
            assertThat(source.metrics().handlerErrors()).isEqualTo(1);
            assertThat(source.metrics().messagesFailed()).isEqualTo(3);
        }

        assertThat(firstBatchSize).hasValue(3);
        assertThat(receiveCounts).containsOnlyKeys("x1", "x2", "x3");
        receiveCounts.forEach((body, counts) -> assertThat(counts).as(body).containsExactly("1", "2"));
        assertThat(messagesIn(url)).isZero();
    }

    @Test
    @DisplayName("close() waits for an in-flight invocation and deletes its messages")
    void closeWaitsForInFlight() throws InterruptedException {
        String url = provisioner.ensure(standard(Duration.ofSeconds(30), 5));
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Function<SQSEvent, SQSBatchResponse> handler = event -> {
            started.countDown();
            sleep(500);
            finished.set(true);
            return new SQSBatchResponse(List.of());
        };
        sendAll(url, "slow");
        SqsEventSource source = SqsEventSource.builder(sqs, url, handler).pollers(2).build().start();
        assertThat(started.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("handler started").isTrue();

        source.close();

        assertThat(finished).as("invocation finished before close() returned").isTrue();
        assertThat(source.metrics().messagesSucceeded()).isEqualTo(1);
        assertThat(messagesIn(url)).isZero();
    }

    /*
     * How fast pickup is belongs to the benchmarks (bench/SignalBenchmark measures signal to order); this test
     * holds the behaviour that makes it fast: a long poll returns when a message arrives, not when its wait ends.
     */
    @Test
    @DisplayName("a message sent while the poller waits in a 20 s long poll is handled before that wait ends")
    void longPollReturnsOnArrival() {
        String url = provisioner.ensure(fifo(Duration.ofSeconds(30), 5));
        LinkedBlockingQueue<SQSEvent> events = new LinkedBlockingQueue<>();
        Duration longPoll = Duration.ofSeconds(20);
        assertThat(PATIENCE).as("patience must end before the long poll could").isLessThan(longPoll);

        try (SqsEventSource source = SqsEventSource.builder(sqs, url, collecting(events)).pollers(1)
                .waitTime(longPoll).build().start()) {
            for (String body : List.of("p1", "p2", "p3")) {
                sendFifo(url, "user-1", body);

                assertThat(take(events).getRecords()).extracting(SQSEvent.SQSMessage::getBody).containsExactly(body);
            }
        }
    }

    private static QueueDefinition fifo(Duration visibility, int maxReceiveCount) {
        String name = "test-" + QUEUE_NUMBER.incrementAndGet();
        return new QueueDefinition(name, name + ".fifo", true, visibility, maxReceiveCount);
    }

    private static QueueDefinition standard(Duration visibility, int maxReceiveCount) {
        String name = "test-" + QUEUE_NUMBER.incrementAndGet();
        return new QueueDefinition(name, name, false, visibility, maxReceiveCount);
    }

    private static void sendAll(String url, String... bodies) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (String body : bodies) {
            entries.add(SendMessageBatchRequestEntry.builder().id(body).messageBody(body).build());
        }
        assertThat(sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries)).failed()).isEmpty();
    }

    private static void sendFifo(String url, String group, String... bodies) {
        Arrays.stream(bodies).forEach(body -> sqs.sendMessage(b -> b.queueUrl(url).messageBody(body)
                .messageGroupId(group).messageDeduplicationId(body)));
    }

    /** Visible plus in-flight messages. */
    private static int messagesIn(String url) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static Function<SQSEvent, SQSBatchResponse> collecting(LinkedBlockingQueue<SQSEvent> events) {
        return event -> {
            events.add(event);
            return new SQSBatchResponse(List.of());
        };
    }

    private static SQSEvent take(LinkedBlockingQueue<SQSEvent> events) {
        try {
            SQSEvent event = events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("an event within " + PATIENCE).isNotNull();
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + PATIENCE + " waiting for: " + what);
            }
            sleep(1);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
