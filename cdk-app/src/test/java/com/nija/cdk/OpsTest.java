package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.routes.RouteTable;
import com.nija.shared.data.Queues;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Operations: the blueprint's alarms per severity, a dashboard per region, daily backups kept 30 days")
class OpsTest {
    /** Synthesized once per JVM (see {@link Synth}). */
    static final Synth.Result prod = Synth.prod();
    static final Synth.Result dev = Synth.dev();

    /** Alarm logical-id prefix → alarm properties. */
    static Map<String, Map<String, Object>> alarms(Synth.Result r, RegionalStack s) {
        return r.resources(s, "AWS::CloudWatch::Alarm").entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().replaceFirst("^Alarms", "").replaceAll("[0-9A-F]{8}$", ""),
                e -> Synth.props(e.getValue())));
    }

    static String topicOf(Map<String, Object> alarm) {
        return (String) at(list(alarm.get("AlarmActions")).get(0), "Ref");
    }

    @Test
    @DisplayName("critical: 5xx > 5%, p95 > 1 s, any DLQ message, any throttle, any worker error")
    void criticalAlarms() {
        for (RegionalStack s : prod.stacks) {
            var a = alarms(prod, s);
            boolean engine = s.regionSpec().role().runsEngine();
            assertThat(a.get("Api5xxRateCritical")).containsEntry("Threshold", 5)
                    .containsEntry("ComparisonOperator", "GreaterThanThreshold");
            assertThat(String.valueOf(a.get("Api5xxRateCritical").get("Metrics"))).contains("100 * errors / requests");
            var latency = a.get("ApiLatencyP95Critical");
            assertThat(latency).containsEntry("Threshold", 1000).containsEntry("ExtendedStatistic", "p95");
            // One per table: the trading table and the audit trail (a throttled audit write fails the change it records).
            assertThat(a.keySet().stream().filter(k -> k.startsWith("TableThrottled")))
                    .containsExactlyInAnyOrder("TableThrottlednijatrading", "TableThrottlednijaaudit");
            a.entrySet().stream().filter(e -> e.getKey().startsWith("TableThrottled"))
                    .forEach(e -> assertThat(e.getValue()).containsEntry("Threshold", 0));
            if (engine) {
                for (var q : Queues.ALL) {
                    var dlq = a.entrySet().stream().filter(e -> e.getKey().startsWith("Dlq" + q.id())).findFirst();
                    assertThat(dlq).as("DLQ alarm " + q.id()).isPresent();
                    assertThat(dlq.get().getValue()).containsEntry("Threshold", 0)
                            .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible");
                }
                for (var w : RouteTable.WORKERS) {
                    var err = a.entrySet().stream().filter(e -> e.getKey().startsWith("WorkerErrors"
                            + w.function().replace("-", ""))).findFirst();
                    assertThat(err).as("errors of " + w.function()).isPresent();
                    assertThat(err.get().getValue()).containsEntry("Threshold", 0).containsEntry("MetricName", "Errors");
                }
            } else {
                assertThat(a.keySet()).noneMatch(k -> k.startsWith("Dlq") || k.startsWith("WorkerErrors"));
            }
            String critical = topicOf(a.get("Api5xxRateCritical"));
            a.forEach((k, v) -> {
                if (!k.endsWith("Warning")) assertThat(topicOf(v)).as(k).isEqualTo(critical);
            });
        }
    }

    @Test
    @DisplayName("warning: 5xx > 1%, cache CPU > 80% for 10 minutes, cache memory > 85%")
    void warningAlarms() {
        for (RegionalStack s : prod.stacks) {
            var a = alarms(prod, s);
            String warning = topicOf(a.get("Api5xxRateWarning"));
            assertThat(warning).isNotEqualTo(topicOf(a.get("Api5xxRateCritical")));
            assertThat(a.get("Api5xxRateWarning")).containsEntry("Threshold", 1);
            if (s.regionSpec().role().runsEngine()) {
                assertThat(a.get("CacheCpuWarning")).containsEntry("Threshold", 80).containsEntry("EvaluationPeriods", 2);
                assertThat(String.valueOf(a.get("CacheCpuWarning").get("Metrics"))).contains("EngineCPUUtilization")
                        .contains("Period=300");
                assertThat(a.get("CacheMemoryWarning")).containsEntry("Threshold", 85);
                assertThat(topicOf(a.get("CacheCpuWarning"))).isEqualTo(warning);
            } else {
                assertThat(a).doesNotContainKeys("CacheCpuWarning", "CacheMemoryWarning");
            }
        }
    }

    @Test
    @DisplayName("warning: each pushing function whose live pushes fail above 5% for 10 minutes, on that function's own metrics")
    void pushFailureAlarms() {
        for (RegionalStack s : prod.stacks) {
            var a = alarms(prod, s);
            String warning = topicOf(a.get("Api5xxRateWarning"));
            List<String> pushers = s.functions().stream()
                    .filter(f -> f.profile().has(com.nija.cdk.functions.FunctionProfile.Extra.PUSHES_LIVE_UPDATES))
                    .map(f -> f.name()).toList();
            assertThat(pushers).as(s.getStackName()).isNotEmpty();
            for (String fn : pushers) {
                var alarm = a.get("PushFailures" + fn.replace("-", "") + "Warning");
                assertThat(alarm).as(s.getStackName() + " " + fn).containsEntry("Threshold", 5)
                        .containsEntry("EvaluationPeriods", 2);
                assertThat(topicOf(alarm)).isEqualTo(warning);
                String service = com.nija.shared.observability.Telemetry.service(s.functions().stream()
                        .filter(f -> f.name().equals(fn)).findFirst().orElseThrow().spec().handler());
                assertThat(String.valueOf(alarm.get("Metrics"))).contains("PushFailed").contains("PushSent")
                        .contains("Namespace=NIJA").contains("Value=" + service).contains("Period=300");
            }
        }
    }

    @Test
    @DisplayName("alarm topics are encrypted and reach the on-call address; dev has no alarms by default")
    void topics() {
        var topics = prod.properties(prod.stack("us-east-1"), "AWS::SNS::Topic");
        assertThat(topics.stream().map(t -> t.get("TopicName")).toList())
                .containsExactlyInAnyOrder("nija-prod-alarms-critical", "nija-prod-alarms-warning",
                        "nija-prod-alarms-info");
        topics.forEach(t -> assertThat(t).containsKey("KmsMasterKeyId"));
        assertThat(prod.properties(prod.stack("us-east-1"), "AWS::SNS::Subscription"))
                .allSatisfy(sub -> assertThat(sub).containsEntry("Protocol", "email")
                        .containsEntry("Endpoint", "oncall@nija.example"))
                .hasSize(2);
        for (RegionalStack s : dev.stacks) {
            assertThat(dev.resources(s, "AWS::CloudWatch::Alarm")).isEmpty();
        }
    }

    @Test
    @DisplayName("one dashboard per region with latency, errors, signal→order, pushes and cache hit rate")
    void dashboards() {
        for (Synth.Result r : List.of(prod, dev)) {
            for (RegionalStack s : r.stacks) {
                var boards = r.properties(s, "AWS::CloudWatch::Dashboard");
                assertThat(boards).hasSize(1);
                String body = String.valueOf(boards.get(0).get("DashboardBody"));
                assertThat(body).contains("API latency").contains("SignalToOrder").contains("PushSent")
                        .contains("CacheHit").contains("Function errors");
            }
        }
    }

    @Test
    @DisplayName("engine regions back the table up daily at 02:00 UTC and keep each backup 30 days")
    void backups() {
        for (RegionalStack s : prod.stacks) {
            var plans = prod.properties(s, "AWS::Backup::BackupPlan");
            if (!s.regionSpec().role().runsEngine()) {
                assertThat(plans).isEmpty();
                continue;
            }
            assertThat(plans).hasSize(1);
            Object rule = list(at(plans.get(0), "BackupPlan", "BackupPlanRule")).get(0);
            assertThat((Object) at(rule, "ScheduleExpression")).isEqualTo("cron(0 2 * * ? *)");
            assertThat((Object) at(rule, "Lifecycle", "DeleteAfterDays")).isEqualTo(30);
            var selection = prod.properties(s, "AWS::Backup::BackupSelection").get(0);
            // The primary selects its global table by reference; the others by their replica's ARN (by name).
            assertThat(String.valueOf((Object) at(selection, "BackupSelection", "Resources")))
                    .containsAnyOf("table/nija-trading", "Tablestrading");
        }
    }
}
