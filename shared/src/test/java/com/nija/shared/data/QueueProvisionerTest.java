package com.nija.shared.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The attributes QueueProvisioner asks for; local/services runs it against ElasticMQ. */
@DisplayName("QueueProvisioner attributes")
class QueueProvisionerTest {

    private static final String DLQ_ARN = "arn:aws:sqs:us-east-1:000000000000:nija-orders-dlq.fifo";

    @Test
    @DisplayName("every queue's dead-letter queue name follows the definition's rule, under any queue name")
    void deadLetterNames() {
        for (QueueDefinition def : Queues.ALL) {
            assertThat(QueueProvisioner.deadLetterName(def, def.defaultName())).isEqualTo(def.deadLetterName());
        }
        assertThat(QueueProvisioner.deadLetterName(Queues.ORDERS, "dev-orders.fifo")).isEqualTo("dev-orders-dlq.fifo");
        assertThat(QueueProvisioner.deadLetterName(Queues.SIGNALS, "dev-signals")).isEqualTo("dev-signals-dlq");
    }

    @Test
    @DisplayName("a FIFO queue has explicit deduplication, its visibility timeout and a redrive policy to its DLQ")
    void fifoQueueAttributes() {
        assertThat(QueueProvisioner.queueAttributes(Queues.ORDERS, DLQ_ARN))
                .containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
                .containsEntry(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false")
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "60")
                .containsEntry(QueueAttributeName.REDRIVE_POLICY,
                        "{\"deadLetterTargetArn\":\"" + DLQ_ARN + "\",\"maxReceiveCount\":5}")
                .hasSize(4);
        assertThat(QueueProvisioner.deadLetterAttributes(Queues.ORDERS))
                .containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
                .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600");
    }

    @Test
    @DisplayName("a standard queue gets no FIFO attributes (SQS rejects them there)")
    void standardQueueAttributes() {
        QueueDefinition def = new QueueDefinition("work", "work", false, Duration.ofSeconds(1), 2);

        assertThat(QueueProvisioner.queueAttributes(def, "arn:aws:sqs:us-east-1:1:work-dlq"))
                .containsOnlyKeys(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.REDRIVE_POLICY)
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "1");
        assertThat(QueueProvisioner.deadLetterAttributes(def))
                .containsOnlyKeys(QueueAttributeName.MESSAGE_RETENTION_PERIOD);
    }

    @Test
    @DisplayName("refuses names that do not match the queue type and limits SQS would reject")
    void validation() {
        assertThatThrownBy(() -> QueueProvisioner.validate(Queues.ORDERS, "orders"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end in .fifo");
        assertThatThrownBy(() -> QueueProvisioner.validate(Queues.SIGNALS, "signals.fifo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not end in .fifo");
        assertThatThrownBy(() -> QueueProvisioner.validate(
                new QueueDefinition("q", "q", false, Duration.ofHours(13), 5), "q"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 h");
        assertThatThrownBy(() -> QueueProvisioner.validate(
                new QueueDefinition("q", "q", false, Duration.ofSeconds(30), 0), "q"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxReceiveCount");
    }
}
