package com.nija.local.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.local.services.FreePort;
import com.nija.shared.data.QueueDefinition;
import com.nija.shared.data.QueueProvisioner;
import com.nija.shared.data.Queues;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@link QueueProvisioner} (in shared) against a real ElasticMQ. */
@DisplayName("QueueProvisioner on ElasticMQ")
class QueueProvisionerElasticMqTest {

    private static ElasticMqServer server;
    private static SqsClient sqs;

    @BeforeAll
    static void startServer() {
        server = ElasticMqServer.start(FreePort.find());
        sqs = LocalSqs.client(server.endpoint());
    }

    @AfterAll
    static void stopServer() {
        sqs.close();
        server.close();
    }

    @Test
    @DisplayName("creates the FIFO orders queue with its FIFO dead-letter queue and redrive policy")
    void fifoQueue() {
        QueueProvisioner provisioner = new QueueProvisioner(sqs);

        String url = provisioner.ensure(Queues.ORDERS);

        String dlqUrl = provisioner.dlqUrl(Queues.ORDERS);
        assertThat(url).endsWith("/nija-orders.fifo");
        assertThat(dlqUrl).endsWith("/" + Queues.ORDERS.deadLetterName());
        Map<String, String> queue = attributes(url);
        assertThat(queue).containsEntry("FifoQueue", "true")
                .containsEntry("ContentBasedDeduplication", "false")
                .containsEntry("VisibilityTimeout", "60");
        assertThat(queue.get("RedrivePolicy"))
                .contains("\"deadLetterTargetArn\":\"" + attributes(dlqUrl).get("QueueArn") + "\"")
                .containsPattern("\"maxReceiveCount\":\"?5\"?");
        // ElasticMQ accepts MessageRetentionPeriod but does not report it back; QueueProvisionerTest checks it is asked.
        assertThat(attributes(dlqUrl)).containsEntry("FifoQueue", "true");
    }

    @Test
    @DisplayName("creates a standard queue under a configured name with '<name>-dlq' as its dead-letter queue")
    void standardQueueUnderOtherName() {
        QueueProvisioner provisioner = new QueueProvisioner(sqs);

        String url = provisioner.ensure(Queues.SIGNALS, "test-signals");

        assertThat(url).endsWith("/test-signals");
        assertThat(provisioner.dlqUrl(Queues.SIGNALS, "test-signals")).endsWith("/test-signals-dlq");
        assertThat(attributes(url)).doesNotContainKey("FifoQueue").containsEntry("VisibilityTimeout", "60");
    }

    @Test
    @DisplayName("is idempotent and brings a changed visibility timeout and receive count into line")
    void idempotentAndUpdates() {
        QueueProvisioner provisioner = new QueueProvisioner(sqs);
        QueueDefinition before = new QueueDefinition("work", "work.fifo", true, Duration.ofSeconds(30), 3);
        QueueDefinition after = new QueueDefinition("work", "work.fifo", true, Duration.ofSeconds(45), 7);
        String first = provisioner.ensure(before);
        sqs.sendMessage(b -> b.queueUrl(first).messageBody("kept").messageGroupId("g").messageDeduplicationId("1"));

        String again = provisioner.ensure(before);
        String changed = provisioner.ensure(after);

        assertThat(again).isEqualTo(first);
        assertThat(changed).isEqualTo(first);
        Map<String, String> queue = attributes(first);
        assertThat(queue).containsEntry("VisibilityTimeout", "45")
                .containsEntry("ApproximateNumberOfMessages", "1");
        assertThat(queue.get("RedrivePolicy")).containsPattern("\"maxReceiveCount\":\"?7\"?");
    }

    @Test
    @DisplayName("refuses a name that does not match the queue type")
    void nameMustMatchType() {
        QueueProvisioner provisioner = new QueueProvisioner(sqs);

        assertThatThrownBy(() -> provisioner.ensure(Queues.ORDERS, "orders"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".fifo");
        assertThatThrownBy(() -> provisioner.ensure(Queues.SIGNALS, "signals.fifo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".fifo");
    }

    private static Map<String, String> attributes(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();
    }
}
