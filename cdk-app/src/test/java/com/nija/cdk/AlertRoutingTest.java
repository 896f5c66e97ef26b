package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.cdk.config.AlertContext;
import com.nija.cdk.functions.FunctionCatalog;
import com.nija.cdk.functions.FunctionSpec;
import com.nija.cdk.ops.Alerting;
import com.nija.functions.alerts.AlertWebhookHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Operator alert routing: three topics by severity, an alarm on every dead-letter queue, deployments as "
        + "info, the functions that raise alerts may publish, and a chat forwarder only when a webhook is configured")
class AlertRoutingTest {
    private static final String HOOK = "https://hooks.slack.com/services/T0AAA/B0BBB/hookSecretForCdkTest";
    static final Synth.Result prod = Synth.prod();
    /** One region, with the webhook and a watched source: the forwarder's synth. */
    static final Synth.Result withHook = Synth.with(Map.of("stage", "prod", "regions", "us-east-1:primary",
            "alarmEmail", "oncall@nija.example", "dashboardOrigins", "https://app.nija.example",
            AlertContext.WEBHOOK_KEY, HOOK, AlertContext.QUIET_SOURCES_KEY, "nija-apex=2h"));

    /** Topic logical id by its name's severity suffix (critical, warning, info). */
    static Map<String, String> topics(Synth.Result r, RegionalStack s) {
        return r.resources(s, "AWS::SNS::Topic").entrySet().stream().collect(Collectors.toMap(
                e -> String.valueOf(Synth.props(e.getValue()).get("TopicName")).replaceAll(".*-", ""),
                Map.Entry::getKey));
    }

    static Optional<Map<String, Object>> function(Synth.Result r, RegionalStack s, String name) {
        return r.properties(s, "AWS::Lambda::Function").stream()
                .filter(p -> ("nija-prod-" + name).equals(p.get("FunctionName"))).findFirst();
    }

    static Map<String, Object> env(Map<String, Object> fn) {
        return at(fn, "Environment", "Variables");
    }

    /** Every resource id an IAM policy attached to {@code fn}'s role lets it {@code action} on. */
    static List<Object> resourcesAllowed(Synth.Result r, RegionalStack s, Map<String, Object> fn, String action) {
        String role = String.valueOf(list(at(fn, "Role", "Fn::GetAtt")).get(0));
        List<Object> out = new ArrayList<>();
        r.properties(s, "AWS::IAM::Policy").stream()
                .filter(p -> list(p.get("Roles")).stream().anyMatch(ref -> role.equals(at(ref, "Ref"))))
                .flatMap(p -> list(at(p, "PolicyDocument", "Statement")).stream())
                .filter(st -> list(at(st, "Action")).contains(action))
                .forEach(st -> out.addAll(list(at(st, "Resource"))));
        return out;
    }

    @Test
    @DisplayName("every region has a critical, a warning and an info topic; email reaches critical and warning only")
    void threeTopics() {
        for (RegionalStack s : prod.stacks) {
            Map<String, String> topics = topics(prod, s);
            assertThat(topics).containsOnlyKeys("critical", "warning", "info");
            Map<String, Object> outputs = at(prod.json(s), "Outputs");
            assertThat(outputs).containsKeys("CriticalTopicArn", "WarningTopicArn", "InfoTopicArn");
            List<Object> emailed = prod.properties(s, "AWS::SNS::Subscription").stream()
                    .filter(p -> "email".equals(p.get("Protocol"))).map(p -> at(p, "TopicArn", "Ref")).toList();
            assertThat(emailed).containsExactlyInAnyOrder(topics.get("critical"), topics.get("warning"));
        }
    }

    @Test
    @DisplayName("every dead-letter queue of the stack alarms on its first visible message")
    void everyDeadLetterQueue() {
        for (Synth.Result r : List.of(prod, withHook)) {
            for (RegionalStack s : r.stacks) {
                Map<String, Map<String, Object>> queues = r.resources(s, "AWS::SQS::Queue");
                List<String> dlqs = new ArrayList<>();
                queues.forEach((id, q) -> {
                    String name = String.valueOf(Synth.props(q).get("QueueName"));
                    if (name.matches(".*-dlq(\\.fifo)?")) dlqs.add(id);
                });
                if (s.regionSpec().role().runsEngine()) assertThat(dlqs).as(s.getStackName()).isNotEmpty();
                List<Map<String, Object>> alarms = r.properties(s, "AWS::CloudWatch::Alarm");
                for (String dlq : dlqs) {
                    assertThat(alarms).as("alarm on " + dlq).anySatisfy(a -> {
                        assertThat(a).containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                                .containsEntry("Threshold", 0).containsEntry("ComparisonOperator", "GreaterThanThreshold");
                        assertThat(String.valueOf(a.get("Dimensions"))).contains(dlq);
                        assertThat(String.valueOf(a.get("AlarmDescription"))).contains("First check:");
                    });
                }
            }
        }
    }

    @Test
    @DisplayName("this stack reaching CREATE_COMPLETE or UPDATE_COMPLETE is announced on the info topic")
    void deployments() {
        for (RegionalStack s : prod.stacks) {
            List<Map<String, Object>> rules = prod.properties(s, "AWS::Events::Rule");
            assertThat(rules).hasSize(1);
            Map<String, Object> rule = rules.get(0);
            assertThat(list(at(rule, "EventPattern", "source"))).containsExactly("aws.cloudformation");
            assertThat(list(at(rule, "EventPattern", "detail-type"))).containsExactly("CloudFormation Stack Status Change");
            assertThat(list(at(rule, "EventPattern", "detail", "status-details", "status")))
                    .containsExactlyInAnyOrder("CREATE_COMPLETE", "UPDATE_COMPLETE");
            assertThat(list(at(rule, "EventPattern", "detail", "stack-id"))).singleElement()
                    .satisfies(id -> assertThat((Object) at(id, "Ref")).isEqualTo("AWS::StackId"));
            @SuppressWarnings("unchecked")
            Map<String, Object> target = (Map<String, Object>) list(rule.get("Targets")).get(0);
            assertThat((Object) at(target, "Arn", "Ref")).isEqualTo(topics(prod, s).get("info"));
            assertThat(String.valueOf(target.get("InputTransformer"))).contains("Deployment completed")
                    .contains("$.detail.status-details.status");
        }
        for (RegionalStack s : Synth.dev().stacks) {
            assertThat(Synth.dev().properties(s, "AWS::Events::Rule")).as("no alarms in dev by default").isEmpty();
        }
    }

    @Test
    @DisplayName("the functions that raise alerts read the three topics and may publish to them; the others may not")
    void raisers() {
        List<String> catalog = FunctionCatalog.all().stream().map(FunctionSpec::function).toList();
        assertThat(catalog).containsAll(Alerting.RAISED_IN);
        RegionalStack s = prod.stack("us-east-1");
        Map<String, String> topics = topics(prod, s);
        for (String name : Alerting.RAISED_IN) {
            Map<String, Object> fn = function(prod, s, name).orElseThrow();
            assertThat((Object) at(env(fn), Alerting.CRITICAL_TOPIC_ENV, "Ref")).as(name).isEqualTo(topics.get("critical"));
            assertThat((Object) at(env(fn), Alerting.INFO_TOPIC_ENV, "Ref")).as(name).isEqualTo(topics.get("info"));
            assertThat(resourcesAllowed(prod, s, fn, "sns:Publish")).as(name).extracting(res -> at(res, "Ref"))
                    .containsExactlyInAnyOrder(topics.get("critical"), topics.get("warning"), topics.get("info"));
        }
        for (String quiet : List.of("get-positions", "signal-intake", "ws-connect")) {
            Map<String, Object> fn = function(prod, s, quiet).orElseThrow();
            assertThat(env(fn)).as(quiet).doesNotContainKey(Alerting.CRITICAL_TOPIC_ENV);
            assertThat(resourcesAllowed(prod, s, fn, "sns:Publish")).as(quiet).isEmpty();
        }
    }

    @Test
    @DisplayName("without alertWebhookUrl there is no forwarder and nothing subscribes a function to the topics")
    void noForwarderByDefault() {
        for (RegionalStack s : prod.stacks) {
            assertThat(function(prod, s, Alerting.FORWARDER)).isEmpty();
            assertThat(prod.properties(s, "AWS::SNS::Subscription")).noneMatch(p -> "lambda".equals(p.get("Protocol")));
        }
    }

    @Test
    @DisplayName("with alertWebhookUrl a forwarder outside the VPC is subscribed to all three topics, retried into a DLQ that warns")
    void forwarder() {
        RegionalStack s = withHook.stack("us-east-1");
        Map<String, String> topics = topics(withHook, s);
        Map<String, Object> fn = function(withHook, s, Alerting.FORWARDER).orElseThrow();
        assertThat(fn).containsEntry("Handler", AlertWebhookHandler.class.getName()).doesNotContainKey("VpcConfig");
        assertThat(env(fn)).containsEntry("NIJA_ALERTS_WEBHOOK_URL", HOOK).doesNotContainKey("NIJA_TRADING_TABLE");
        assertThat(fn).containsKey("DeadLetterConfig");
        List<Map<String, Object>> lambdaSubs = withHook.properties(s, "AWS::SNS::Subscription").stream()
                .filter(p -> "lambda".equals(p.get("Protocol"))).toList();
        assertThat(lambdaSubs).extracting(p -> at(p, "TopicArn", "Ref"))
                .containsExactlyInAnyOrder(topics.get("critical"), topics.get("warning"), topics.get("info"));
        assertThat(lambdaSubs).allSatisfy(p -> assertThat(String.valueOf(p.get("Endpoint"))).contains("Alias"));
        Map<String, Object> dlqAlarm = OpsTest.alarms(withHook, s).entrySet().stream()
                .filter(e -> e.getKey().startsWith("Dlq" + Alerting.FORWARDER.replace("-", ""))).findFirst()
                .orElseThrow().getValue();
        assertThat(OpsTest.topicOf(dlqAlarm)).isEqualTo(topics.get("warning"));
        Map<String, Object> check = function(withHook, s, "check-quiet-sources").orElseThrow();
        assertThat(env(check)).containsEntry("NIJA_ALERTS_QUIET_SOURCES", "nija-apex=2h");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example/secretPath123", "hooks.example/secretPath123", "ftp://x/secretPath123"})
    @DisplayName("a webhook URL that is not https stops the synth without repeating it")
    void webhookMustBeHttps(String url) {
        assertThatThrownBy(() -> AlertContext.from(Map.<String, Object>of(AlertContext.WEBHOOK_KEY, url)::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(AlertContext.WEBHOOK_KEY)
                .hasMessageNotContaining("secretPath123");
    }

    @Test
    @DisplayName("a malformed quietSources stops the synth, naming the setting")
    void quietSourcesChecked() {
        assertThatThrownBy(() -> AlertContext.from(Map.<String, Object>of(AlertContext.QUIET_SOURCES_KEY, "tv=soon")::get))
                .hasMessageContaining("quiet-sources");
    }
}
