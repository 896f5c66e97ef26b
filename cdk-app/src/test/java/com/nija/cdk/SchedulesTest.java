package com.nija.cdk;

import static com.nija.cdk.IamTest.actionsOf;
import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.list;
import static com.nija.cdk.Synth.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.routes.RouteTable;
import com.nija.functions.routes.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Schedules: one EventBridge Scheduler schedule per route-table schedule; the APEX scan and the candle "
        + "ingest in the engine region only (the scan one minute after each 5-minute candle, the ingest each minute), "
        + "never retried")
class SchedulesTest {
    private static final String WEST_API = "https://abc123.execute-api.us-west-2.amazonaws.com";
    static final String APEX = "apex-scan";
    static final String RECONCILE = "reconcile-venues";
    static final String INGEST = "ingest-candles";

    /** The schedule of {@code function} in {@code s}, by its name ({@code nija-<stage>-<function>}). */
    static Optional<Map<String, Object>> schedule(Synth.Result r, RegionalStack s, String function) {
        return r.properties(s, "AWS::Scheduler::Schedule").stream()
                .filter(p -> String.valueOf(p.get("Name")).endsWith("-" + function)).findFirst();
    }

    /** The actions the schedule's role may take on {@code aliasLogicalId}. */
    static List<String> invokeActions(Synth.Result r, RegionalStack s, Map<String, Object> schedule,
                                      String aliasLogicalId) {
        String role = String.valueOf(list(at(schedule, "Target", "RoleArn", "Fn::GetAtt")).get(0));
        List<String> actions = new ArrayList<>();
        r.properties(s, "AWS::IAM::Policy").stream()
                .filter(p -> list(p.get("Roles")).stream().anyMatch(ref -> role.equals(at(ref, "Ref"))))
                .flatMap(p -> list(at(p, "PolicyDocument", "Statement")).stream())
                .filter(st -> aliasLogicalId.equals(at(st, "Resource", "Ref")))
                .forEach(st -> list(at(st, "Action")).forEach(a -> actions.add(String.valueOf(a))));
        return actions;
    }

    /** Lambda's retries of asynchronous invocations of the alias, when configured (absent: Lambda's default, 2). */
    static Optional<Object> lambdaRetries(Synth.Result r, RegionalStack s, String function) {
        String fnId = FunctionsTest.aliasLogicalId(r, s, function);
        return r.properties(s, "AWS::Lambda::EventInvokeConfig").stream()
                .filter(p -> String.valueOf(p.get("Qualifier")).contains(fnId))
                .map(p -> p.get("MaximumRetryAttempts")).findFirst();
    }

    @Test
    @DisplayName("by default only the primary (the engine region) schedules the scan, on apex-scan's alias with the "
            + "scheduled event as input, and neither the scheduler nor Lambda retries a run")
    void primaryOnly() {
        Synth.Result dev = Synth.dev();
        for (RegionalStack s : dev.stacks) {
            Optional<Map<String, Object>> scan = schedule(dev, s, APEX);
            if (!s.regionSpec().region().equals("us-east-1")) {
                assertThat(scan).as(s.getStackName()).isEmpty();
                continue;
            }
            String alias = FunctionsTest.aliasLogicalId(dev, s, APEX);
            assertThat(scan).hasValueSatisfying(p -> {
                assertThat(p.get("ScheduleExpression")).isEqualTo("cron(1/5 * * * ? *)");
                assertThat(p.get("ScheduleExpressionTimezone")).isEqualTo("Etc/UTC");
                assertThat((Object) at(p, "FlexibleTimeWindow", "Mode")).isEqualTo("OFF");
                assertThat((Object) at(p, "Target", "Arn", "Ref")).isEqualTo(alias);
                assertThat((Object) at(p, "Target", "RetryPolicy", "MaximumRetryAttempts")).isEqualTo(0);
                assertThat(String.valueOf((Object) at(p, "Target", "Input"))).contains("\"detail-type\":\"Scheduled Event\"")
                        .contains("\"id\":\"<aws.scheduler.execution-id>\"");
                assertThat(invokeActions(dev, s, p, alias)).containsExactly("lambda:InvokeFunction");
            });
            assertThat(lambdaRetries(dev, s, APEX)).contains(0);
        }
    }

    @Test
    @DisplayName("with the engine moved to us-west-2 the scan and the candle ingest are scheduled there and nowhere "
            + "else; reconciliation "
            + "stays in every engine-role region")
    void followsTheEngine() {
        Synth.Result west = Synth.with(Map.of("engineRegion", "us-west-2", "engineApiUrl", WEST_API));
        for (RegionalStack s : west.stacks) {
            boolean engineRegion = s.regionSpec().region().equals("us-west-2");
            assertThat(schedule(west, s, APEX).isPresent()).as(s.getStackName()).isEqualTo(engineRegion);
            assertThat(schedule(west, s, INGEST).isPresent()).as(s.getStackName()).isEqualTo(engineRegion);
            assertThat(schedule(west, s, RECONCILE).isPresent()).as(s.getStackName())
                    .isEqualTo(s.regionSpec().role().runsEngine());
        }
    }

    @Test
    @DisplayName("every schedule of the route table becomes one schedule, named for its function, with its expression")
    void oneSchedulePerEntry() {
        Synth.Result prod = Synth.prod();
        RegionalStack primary = prod.stack("us-east-1");

        assertThat(prod.properties(primary, "AWS::Scheduler::Schedule")).hasSize(RouteTable.SCHEDULES.size());
        for (Schedule entry : RouteTable.SCHEDULES) {
            assertThat(schedule(prod, primary, entry.function())).as(entry.function()).hasValueSatisfying(p -> {
                assertThat(p.get("Name")).isEqualTo("nija-prod-" + entry.function());
                assertThat(p.get("ScheduleExpression")).isEqualTo(entry.expression());
                assertThat(p.get("State")).isEqualTo("ENABLED");
            });
        }
    }

    @Test
    @DisplayName("the scan may send to the signal and order queues and open sources' sealed secrets, like the intake "
            + "it goes through, and stops a minute before the next close")
    void scanGrants() {
        Synth.Result prod = Synth.prod();
        RegionalStack primary = prod.stack("us-east-1");

        assertThat(actionsOf(primary, APEX)).contains("sqs:SendMessage", "kms:Decrypt");
        Map<String, Object> fn = FunctionsTest.fn(prod, "us-east-1", APEX);
        assertThat(props(fn)).containsEntry("Timeout", 240);
        assertThat(FunctionsTest.env(fn)).containsKeys("NIJA_SIGNALS_QUEUE_URL", "NIJA_ORDERS_QUEUE_URL")
                .containsEntry("NIJA_TIME_BUDGET_SECONDS", "240");
    }

    @Test
    @DisplayName("the candle ingest runs at the start of every minute in the primary only, never retried, stops 10 s "
            + "before the next minute, and may queue the closes its prices trigger")
    void ingestSchedule() {
        Synth.Result prod = Synth.prod();
        for (RegionalStack s : prod.stacks) {
            Optional<Map<String, Object>> ingest = schedule(prod, s, INGEST);
            if (!s.regionSpec().region().equals("us-east-1")) {
                assertThat(ingest).as(s.getStackName()).isEmpty();
                continue;
            }
            assertThat(ingest).hasValueSatisfying(p -> {
                assertThat(p.get("ScheduleExpression")).isEqualTo("cron(0/1 * * * ? *)");
                assertThat((Object) at(p, "Target", "RetryPolicy", "MaximumRetryAttempts")).isEqualTo(0);
            });
            assertThat(lambdaRetries(prod, s, INGEST)).contains(0);
        }
        RegionalStack primary = prod.stack("us-east-1");
        assertThat(actionsOf(primary, INGEST)).contains("sqs:SendMessage");
        Map<String, Object> fn = FunctionsTest.fn(prod, "us-east-1", INGEST);
        assertThat(props(fn)).containsEntry("Timeout", 50);
        assertThat(FunctionsTest.env(fn)).containsKey("NIJA_ORDERS_QUEUE_URL")
                .containsEntry("NIJA_TIME_BUDGET_SECONDS", "50");
    }
}
