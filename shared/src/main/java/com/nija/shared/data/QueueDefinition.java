package com.nija.shared.data;

import java.time.Duration;

/**
 * An SQS queue as both the local platform (ElasticMQ) and the CDK app create it.
 *
 * @param id                logical id (CDK construct id, config key)
 * @param defaultName       queue name when configuration names none (FIFO names end in .fifo)
 * @param fifo              per-message-group ordering and deduplication
 * @param visibilityTimeout how long a received message stays hidden; above the consumer's timeout
 * @param maxReceiveCount   receives before a message is moved to the dead-letter queue
 */
public record QueueDefinition(String id, String defaultName, boolean fifo, Duration visibilityTimeout,
                              int maxReceiveCount) {

    /** Name of this queue's dead-letter queue. */
    public String deadLetterName() {
        return fifo ? defaultName.replace(".fifo", "-dlq.fifo") : defaultName + "-dlq";
    }
}
