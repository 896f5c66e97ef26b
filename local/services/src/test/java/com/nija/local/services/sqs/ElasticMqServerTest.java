package com.nija.local.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.local.services.FreePort;
import com.nija.local.services.LocalServiceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@DisplayName("ElasticMqServer")
class ElasticMqServerTest {

    @Test
    @DisplayName("serves the SQS API on 127.0.0.1 with AWS-shaped queue URLs and ARNs, and stops on close")
    void servesAndStops() {
        int port = FreePort.find();
        long started = System.nanoTime();
        ElasticMqServer server = ElasticMqServer.start(port);
        System.out.printf("ElasticMQ start: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        try (server; SqsClient sqs = LocalSqs.client(server.endpoint())) {
            assertThat(server.endpoint()).hasToString("http://127.0.0.1:" + port);
            assertThat(server.port()).isEqualTo(port);

            String url = sqs.createQueue(b -> b.queueName("probe")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));

            assertThat(url).isEqualTo("http://127.0.0.1:" + port + "/000000000000/probe");
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN))
                    .isEqualTo("arn:aws:sqs:us-east-1:000000000000:probe");
            assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages())
                    .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("hello"));
        }
        assertThat(accepts(port)).as("accepts connections after close").isFalse();
    }

    @Test
    @DisplayName("holds back a FIFO group's next message while an earlier one is in flight, as SQS does")
    void fifoGroupInFlight() {
        try (ElasticMqServer server = ElasticMqServer.start(FreePort.find());
             SqsClient sqs = LocalSqs.client(server.endpoint())) {
            String url = sqs.createQueue(b -> b.queueName("groups.fifo")
                    .attributesWithStrings(Map.of("FifoQueue", "true", "VisibilityTimeout", "30"))).queueUrl();
            for (String body : List.of("a-1", "a-2", "b-1")) {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId(body.substring(0, 1))
                        .messageDeduplicationId(body));
            }

            Message first = receiveOne(sqs, url);
            Message second = receiveOne(sqs, url);
            List<Message> whileAInFlight = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(first.receiptHandle()));
            Message afterDelete = receiveOne(sqs, url);

            assertThat(first.body()).isEqualTo("a-1");
            assertThat(second.body()).as("the other group, not a-2").isEqualTo("b-1");
            assertThat(whileAInFlight).as("a-2 while a-1 is in flight").isEmpty();
            assertThat(afterDelete.body()).isEqualTo("a-2");
        }
    }

    @Test
    @DisplayName("fails with a clear message when the port is already taken")
    void portInUse() {
        try (ElasticMqServer first = ElasticMqServer.start(FreePort.find())) {
            assertThatThrownBy(() -> ElasticMqServer.start(first.port()))
                    .isInstanceOf(LocalServiceException.class)
                    .hasMessageContaining("port " + first.port())
                    .hasMessageContaining("already in use");
        }
    }

    private static Message receiveOne(SqsClient sqs, String url) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(1))
                .messages();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
