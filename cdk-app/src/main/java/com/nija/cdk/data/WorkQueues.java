package com.nija.cdk.data;

import com.nija.cdk.config.Names;
import com.nija.shared.data.QueueDefinition;
import com.nija.shared.data.Queues;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueAttributes;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The queues of {@link Queues#ALL}, each with its dead-letter queue, as the definition says (FIFO, visibility timeout,
 * receives before the DLQ). Engine regions create them; API-only regions point at the primary region's queues, so a
 * signal accepted anywhere is executed by an engine region.
 */
public final class WorkQueues extends Construct {
    /** Messages older than this are dropped: a signal or order four days late must never execute. */
    static final Duration RETENTION = Duration.days(4);
    /** Dead letters are kept for the maximum SQS allows, for inspection and redrive. */
    static final Duration DLQ_RETENTION = Duration.days(14);

    private final Map<String, IQueue> queues = new LinkedHashMap<>();
    private final Map<String, IQueue> deadLetters = new LinkedHashMap<>();
    private final boolean local;

    private WorkQueues(Construct scope, String id, boolean local) {
        super(scope, id);
        this.local = local;
    }

    /** Create every queue and DLQ in this stack's region. */
    public static WorkQueues create(Construct scope, String id, Names names) {
        WorkQueues q = new WorkQueues(scope, id, true);
        for (QueueDefinition def : Queues.ALL) {
            Queue dlq = Queue.Builder.create(q, def.id() + "-dlq")
                    .queueName(names.physical(def.deadLetterName()))
                    .fifo(def.fifo() ? true : null)
                    .retentionPeriod(DLQ_RETENTION)
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .build();
            Queue queue = Queue.Builder.create(q, def.id())
                    .queueName(names.physical(def.defaultName()))
                    .fifo(def.fifo() ? true : null)
                    .contentBasedDeduplication(def.fifo() ? false : null)
                    .visibilityTimeout(Duration.seconds(def.visibilityTimeout().toSeconds()))
                    .retentionPeriod(RETENTION)
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(def.maxReceiveCount()).build())
                    .build();
            q.queues.put(def.id(), queue);
            q.deadLetters.put(def.id(), dlq);
        }
        return q;
    }

    /** Refer to the queues another region created (same account, names from the same definitions). */
    public static WorkQueues remote(Construct scope, String id, Names names, String region) {
        WorkQueues q = new WorkQueues(scope, id, false);
        Stack stack = Stack.of(scope);
        for (QueueDefinition def : Queues.ALL) {
            String name = names.physical(def.defaultName());
            String arn = Arn.format(ArnComponents.builder().service("sqs").region(region).resource(name).build(), stack);
            String url = "https://sqs." + region + ".amazonaws.com/" + stack.getAccount() + "/" + name;
            q.queues.put(def.id(), Queue.fromQueueAttributes(q, def.id(),
                    QueueAttributes.builder().queueArn(arn).queueUrl(url).queueName(name).fifo(def.fifo()).build()));
        }
        return q;
    }

    public IQueue queue(String id) {
        IQueue q = queues.get(id);
        if (q == null) throw new IllegalArgumentException("no queue " + id + "; known: " + queues.keySet());
        return q;
    }

    /** Dead-letter queues, by queue id; empty where the queues live in another region. */
    public Map<String, IQueue> deadLetters() {
        return java.util.Collections.unmodifiableMap(deadLetters);
    }

    public boolean local() {
        return local;
    }

    /** {@code NIJA_ORDERS_QUEUE_URL} for queue id {@code orders}: what the functions' configuration reads. */
    public static String envVar(String queueId) {
        return "NIJA_" + queueId.toUpperCase(Locale.ROOT).replace('-', '_') + "_QUEUE_URL";
    }
}
