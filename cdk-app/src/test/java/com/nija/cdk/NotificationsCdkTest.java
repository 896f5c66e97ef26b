package com.nija.cdk;

import static com.nija.cdk.IamTest.actionsOf;
import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.list;
import static com.nija.cdk.Synth.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.data.Queues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Notifications: the queue and its DLQ, the worker on it, who may publish, and SES from one address only")
class NotificationsCdkTest {
    static final Synth.Result prod = Synth.prod();

    /** Functions where fills, refusals, pauses, mode changes and Stripe's billing events happen. */
    static final List<String> PUBLISHERS = List.of("order-executor", "close-position", "price-ingest", "ingest-candles",
            "flatten-trader", "set-trading-mode", "stripe-webhook", "notification-worker");

    private static Map<String, Object> queueNamed(RegionalStack s, String suffix) {
        return prod.properties(s, "AWS::SQS::Queue").stream()
                .filter(q -> String.valueOf(q.get("QueueName")).endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no queue *" + suffix + " in " + s.getStackName()));
    }

    @Test
    @DisplayName("engine regions have the notifications queue, redriven to its DLQ after 8 receives, kept 14 days there")
    void queueAndDeadLetters() {
        for (RegionalStack s : prod.stacks) {
            if (!s.regionSpec().role().runsEngine()) continue;
            Map<String, Object> queue = queueNamed(s, Queues.NOTIFICATIONS.defaultName());
            Map<String, Object> dlq = queueNamed(s, Queues.NOTIFICATIONS.deadLetterName());

            assertThat(queue).containsEntry("VisibilityTimeout", 60);
            assertThat((Object) at(queue, "RedrivePolicy", "maxReceiveCount")).isEqualTo(8);
            assertThat(dlq).containsEntry("MessageRetentionPeriod", 14 * 24 * 3600);
        }
    }

    @Test
    @DisplayName("the worker consumes the notifications queue through its alias, reporting partial batch failures, capped at 5")
    void worker() {
        RegionalStack s = prod.stack("us-east-1");

        Map<String, Object> mapping = FunctionsTest.eventSource(prod, s, "notification-worker").orElseThrow();

        assertThat(String.valueOf(mapping.get("EventSourceArn"))).contains("notifications");
        assertThat(list(mapping.get("FunctionResponseTypes"))).contains("ReportBatchItemFailures");
        Map<String, Object> fn = FunctionsTest.fn(prod, "us-east-1", "notification-worker");
        assertThat(props(fn)).containsEntry("ReservedConcurrentExecutions", 5);
        assertThat(FunctionsTest.env(fn)).containsKeys("NIJA_TELEGRAM_BOT_TOKEN_SECRET_ARN", "NIJA_ENVELOPE_KEY_ARN")
                .containsEntry("NIJA_NOTIFICATIONS_EMAIL_TRANSPORT", "ses")
                .containsEntry("NIJA_NOTIFICATIONS_EMAIL_FROM", "notifications@nija.example");
        assertThat(actionsOf(s, "notification-worker")).contains("kms:Decrypt", "secretsmanager:GetSecretValue",
                "ses:SendEmail").doesNotContain("kms:GenerateDataKey");
    }

    @Test
    @DisplayName("only the worker may send email, from the platform's identity and address only")
    void sesFromOneAddress() {
        RegionalStack s = prod.stack("us-east-1");
        List<Map<String, Object>> ses = IamTest.statements(prod, s).stream()
                .filter(st -> list(st.get("Action")).contains("ses:SendEmail")).toList();

        assertThat(ses).hasSize(1);
        assertThat(String.valueOf(ses.get(0).get("Resource"))).contains(":identity/nija.example");
        assertThat((Object) at(ses.get(0), "Condition", "StringEquals", "ses:FromAddress"))
                .isEqualTo("notifications@nija.example");
        for (String other : List.of("order-executor", "put-notification-channel", "stripe-webhook")) {
            assertThat(actionsOf(s, other)).as(other).noneMatch(a -> a.startsWith("ses:"));
        }
    }

    @Test
    @DisplayName("every function where a notified event happens knows the queue and may send to it")
    void publishers() {
        RegionalStack s = prod.stack("us-east-1");
        for (String function : PUBLISHERS) {
            assertThat(FunctionsTest.env(FunctionsTest.fn(prod, "us-east-1", function))).as(function)
                    .containsKey("NIJA_NOTIFICATIONS_QUEUE_URL");
            assertThat(actionsOf(s, function)).as(function).contains("sqs:SendMessage");
        }
    }

    @Test
    @DisplayName("channel setup may only seal (never open) secrets; the delivery log reads the cursor key")
    void routes() {
        RegionalStack s = prod.stack("us-east-1");

        assertThat(actionsOf(s, "put-notification-channel")).contains("kms:GenerateDataKey").doesNotContain("kms:Decrypt");
        assertThat(FunctionsTest.env(FunctionsTest.fn(prod, "us-east-1", "list-notification-deliveries")))
                .containsKey("NIJA_CURSOR_SECRET_ARN");
    }
}
