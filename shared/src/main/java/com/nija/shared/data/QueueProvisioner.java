package com.nija.shared.data;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates queues from their {@link QueueDefinition} where no CDK stack does (ElasticMQ, LocalStack): first the
 * dead-letter queue, then the queue whose redrive policy points at it.
 *
 * <p>Idempotent: an existing queue keeps its messages; its mutable attributes (visibility timeout, redrive policy)
 * are brought in line with the definition, so a changed definition takes effect on the next start.
 */
public final class QueueProvisioner {

    /** SQS's maximum retention, on the DLQ only: a poison message must outlive the source queue's 4-day default. */
    static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);
    private static final Duration MAX_VISIBILITY_TIMEOUT = Duration.ofHours(12);
    private static final String FIFO_SUFFIX = ".fifo";
    private static final Set<QueueAttributeName> UPDATABLE =
            EnumSet.of(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.REDRIVE_POLICY);
    private static final Logger LOG = LoggerFactory.getLogger(QueueProvisioner.class);

    private final SqsClient sqs;

    public QueueProvisioner(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** {@link #ensure(QueueDefinition, String)} under the definition's default name. */
    public String ensure(QueueDefinition def) {
        return ensure(def, def.defaultName());
    }

    /**
     * Creates (or updates) the dead-letter queue {@link #deadLetterName(QueueDefinition, String)} and the queue
     * {@code name}, and returns the queue's URL.
     *
     * @throws IllegalArgumentException when the name does not fit the definition (FIFO names end in {@code .fifo},
     *                                  others must not) or the visibility timeout is outside 0 s – 12 h
     */
    public String ensure(QueueDefinition def, String name) {
        validate(def, name);
        String deadLetterUrl = createOrUpdate(def, deadLetterName(def, name), deadLetterAttributes(def));
        String deadLetterArn = sqs.getQueueAttributes(b -> b.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = createOrUpdate(def, name, queueAttributes(def, deadLetterArn));
        LOG.info("queue {} ready ({}visibility {} s, DLQ after {} receives)", name, def.fifo() ? "FIFO, " : "",
                def.visibilityTimeout().toSeconds(), def.maxReceiveCount());
        return url;
    }

    /** URL of the dead-letter queue of the queue {@code name}; the queue must have been ensured. */
    public String dlqUrl(QueueDefinition def, String name) {
        return sqs.getQueueUrl(b -> b.queueName(deadLetterName(def, name))).queueUrl();
    }

    /** URL of the dead-letter queue under the definition's default name. */
    public String dlqUrl(QueueDefinition def) {
        return dlqUrl(def, def.defaultName());
    }

    /**
     * The DLQ name for a queue named {@code name}: {@code orders.fifo} → {@code orders-dlq.fifo}, {@code signals} →
     * {@code signals-dlq}. Equals {@link QueueDefinition#deadLetterName()} for the default name.
     */
    public static String deadLetterName(QueueDefinition def, String name) {
        return def.fifo()
                ? name.substring(0, name.length() - FIFO_SUFFIX.length()) + "-dlq" + FIFO_SUFFIX
                : name + "-dlq";
    }

    /** FIFO attributes where needed; the DLQ of a FIFO queue must itself be FIFO. */
    static Map<QueueAttributeName, String> deadLetterAttributes(QueueDefinition def) {
        Map<QueueAttributeName, String> attributes = fifoAttributes(def);
        attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                Long.toString(DEAD_LETTER_RETENTION.toSeconds()));
        return attributes;
    }

    static Map<QueueAttributeName, String> queueAttributes(QueueDefinition def, String deadLetterArn) {
        Map<QueueAttributeName, String> attributes = fifoAttributes(def);
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(def.visibilityTimeout().toSeconds()));
        attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn
                + "\",\"maxReceiveCount\":" + def.maxReceiveCount() + "}");
        return attributes;
    }

    /**
     * Producers always set a deduplication id (signal id + user id), so content-based deduplication is off: two
     * orders with equal bodies for different signals must both be delivered.
     */
    private static Map<QueueAttributeName, String> fifoAttributes(QueueDefinition def) {
        Map<QueueAttributeName, String> attributes = new EnumMap<>(QueueAttributeName.class);
        if (def.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false");
        }
        return attributes;
    }

    /**
     * CreateQueue returns the existing queue's URL when the attributes match and fails with "already exists" when
     * they differ; then the attributes a definition change can touch are set. {@code FifoQueue} cannot change (the
     * name fixes it); ElasticMQ rejects {@code ContentBasedDeduplication} and ignores {@code MessageRetentionPeriod} in
     * SetQueueAttributes, so those are set at creation only.
     */
    private String createOrUpdate(QueueDefinition def, String name, Map<QueueAttributeName, String> attributes) {
        try {
            return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        } catch (QueueNameExistsException exists) {
            String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
            Map<QueueAttributeName, String> mutable = new EnumMap<>(QueueAttributeName.class);
            for (QueueAttributeName attribute : UPDATABLE) {
                if (attributes.containsKey(attribute)) {
                    mutable.put(attribute, attributes.get(attribute));
                }
            }
            if (!mutable.isEmpty()) {
                sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(mutable));
            }
            LOG.info("queue {} ({}) existed with other attributes; set {}", name, def.id(), mutable.keySet());
            return url;
        }
    }

    static void validate(QueueDefinition def, String name) {
        if (def.fifo() != name.endsWith(FIFO_SUFFIX)) {
            throw new IllegalArgumentException("Queue name '" + name + "' for '" + def.id() + "' must "
                    + (def.fifo() ? "" : "not ") + "end in " + FIFO_SUFFIX + (def.fifo() ? " (FIFO queue)" : ""));
        }
        Duration visibility = def.visibilityTimeout();
        if (visibility.isNegative() || visibility.compareTo(MAX_VISIBILITY_TIMEOUT) > 0) {
            throw new IllegalArgumentException("Visibility timeout of '" + def.id() + "' must be 0 s to 12 h, was "
                    + visibility);
        }
        if (def.maxReceiveCount() < 1 || def.maxReceiveCount() > 1000) {
            throw new IllegalArgumentException("maxReceiveCount of '" + def.id() + "' must be 1 to 1000, was "
                    + def.maxReceiveCount());
        }
    }
}
