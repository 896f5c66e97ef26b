package com.nija.cdk;

import static com.nija.cdk.IamTest.actionsOf;
import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.list;
import static com.nija.cdk.Synth.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.reconcile.ReconcileVenuesHandler;
import com.nija.functions.routes.RouteTable;
import com.nija.functions.routes.Schedule;
import com.nija.shared.observability.Telemetry;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Live trading: who may open traders' venue keys and reach the venues, the reconciliation schedule, the drift alarm")
class LiveTradingTest {
    /** Synthesized once per JVM (see {@link Synth}). */
    static final Synth.Result prod = Synth.prod();
    static final Synth.Result dev = Synth.dev();

    /** The functions that call venues with a trader's key: they open it, and they need a way out to the internet. */
    static final List<String> VENUE_CALLERS = List.of("order-executor", "close-position", "reconcile-venues",
            "test-broker");
    static final List<String> NO_KEY = List.of("list-brokers", "disconnect-broker", "get-trading-mode",
            "set-trading-mode", "get-account", "get-dashboard");

    static final Schedule RECONCILIATION = RouteTable.SCHEDULES.stream()
            .filter(s -> s.handler() == ReconcileVenuesHandler.class).findFirst().orElseThrow();

    @Test
    @DisplayName("functions that call venues may decrypt with the envelope key and know its ARN; none may make data keys")
    void venueCallersOpenKeys() {
        RegionalStack s = prod.stack("us-east-1");
        String keyArn = String.valueOf(FunctionsTest.env(FunctionsTest.fn(prod, "us-east-1", "create-source"))
                .get("NIJA_ENVELOPE_KEY_ARN"));
        for (String function : VENUE_CALLERS) {
            assertThat(actionsOf(s, function)).as(function).contains("kms:Decrypt").doesNotContain("kms:GenerateDataKey");
            assertThat(String.valueOf(FunctionsTest.env(FunctionsTest.fn(prod, "us-east-1", function))
                    .get("NIJA_ENVELOPE_KEY_ARN"))).as(function).isEqualTo(keyArn);
        }
    }

    @Test
    @DisplayName("connecting a key may only make data keys (it seals, never opens); listing, removing and the mode touch no key")
    void connectSealsOthersTouchNothing() {
        RegionalStack s = prod.stack("us-east-1");

        assertThat(actionsOf(s, "connect-broker")).contains("kms:GenerateDataKey").doesNotContain("kms:Decrypt");
        assertThat(FunctionsTest.env(FunctionsTest.fn(prod, "us-east-1", "connect-broker")))
                .containsKey("NIJA_ENVELOPE_KEY_ARN");
        for (String function : NO_KEY) {
            assertThat(actionsOf(s, function)).as(function).noneMatch(a -> a.startsWith("kms:"));
            assertThat(FunctionsTest.env(FunctionsTest.fn(prod, "us-east-1", function))).as(function)
                    .doesNotContainKey("NIJA_ENVELOPE_KEY_ARN");
        }
    }

    @Test
    @DisplayName("in an engine region, venue callers sit in subnets whose default route leaves through a NAT gateway")
    void venueCallersHaveEgress() {
        for (Synth.Result r : List.of(prod, dev)) {
            for (RegionalStack s : r.stacks) {
                if (!s.regionSpec().role().runsEngine()) continue;
                Set<String> natSubnets = subnetsRoutedThroughNat(r, s);
                assertThat(natSubnets).as(s.getStackName()).isNotEmpty();
                for (String function : VENUE_CALLERS) {
                    List<Object> subnets = list(at(FunctionsTest.fn(r, s.regionSpec().region(), function), "Properties",
                            "VpcConfig", "SubnetIds"));
                    assertThat(subnets).as(function + " in " + s.getStackName()).isNotEmpty()
                            .allSatisfy(ref -> assertThat(natSubnets).contains((String) at(ref, "Ref")));
                }
            }
        }
    }

    /** Subnets associated with a route table whose 0.0.0.0/0 route targets a NAT gateway. */
    private static Set<String> subnetsRoutedThroughNat(Synth.Result r, RegionalStack s) {
        Set<String> natTables = new HashSet<>();
        r.properties(s, "AWS::EC2::Route").forEach(route -> {
            if ("0.0.0.0/0".equals(route.get("DestinationCidrBlock")) && route.get("NatGatewayId") != null) {
                natTables.add((String) at(route, "RouteTableId", "Ref"));
            }
        });
        Set<String> subnets = new HashSet<>();
        r.properties(s, "AWS::EC2::SubnetRouteTableAssociation").forEach(a -> {
            if (natTables.contains((String) at(a, "RouteTableId", "Ref"))) subnets.add((String) at(a, "SubnetId", "Ref"));
        });
        return subnets;
    }

    @Test
    @DisplayName("engine regions output the NAT gateways' addresses, the ones traders may allow-list on their keys")
    void egressAddressesOutput() {
        for (RegionalStack s : prod.stacks) {
            @SuppressWarnings("unchecked")
            Map<String, Object> outputs = (Map<String, Object>) prod.json(s).get("Outputs");
            if (s.regionSpec().role().runsEngine()) {
                assertThat(String.valueOf(outputs.get("VenueEgressIps"))).as(s.getStackName()).contains("PublicIp");
            } else {
                assertThat(outputs).as(s.getStackName()).doesNotContainKey("VenueEgressIps");
            }
        }
    }

    @Test
    @DisplayName("reconciliation runs every 5 minutes on its alias in engine regions only, retried on failure, and stops "
            + "before the next run")
    void reconciliationSchedule() {
        for (RegionalStack s : prod.stacks) {
            var schedule = SchedulesTest.schedule(prod, s, RECONCILIATION.function());
            if (!s.regionSpec().role().runsEngine()) {
                assertThat(schedule).as(s.getStackName()).isEmpty();
                assertThat(s.functions()).noneMatch(f -> f.name().equals(RECONCILIATION.function()));
                continue;
            }
            String alias = FunctionsTest.aliasLogicalId(prod, s, RECONCILIATION.function());
            assertThat(schedule).as(s.getStackName()).hasValueSatisfying(rule -> {
                assertThat(rule).containsEntry("ScheduleExpression", "rate(5 minutes)").containsEntry("State", "ENABLED");
                assertThat((Object) at(rule, "Target", "Arn", "Ref")).isEqualTo(alias);
                assertThat((Integer) at(rule, "Target", "RetryPolicy", "MaximumRetryAttempts")).isPositive();
                assertThat(SchedulesTest.invokeActions(prod, s, rule, alias)).containsExactly("lambda:InvokeFunction");
            });
            // No asynchronous-invocation override: a failed run is retried by Lambda (twice, its default).
            assertThat(SchedulesTest.lambdaRetries(prod, s, RECONCILIATION.function())).isEmpty();
            Map<String, Object> fn = FunctionsTest.fn(prod, s.regionSpec().region(), RECONCILIATION.function());
            assertThat(props(fn)).containsEntry("Timeout", 240);
            assertThat(FunctionsTest.env(fn)).containsEntry("NIJA_TIME_BUDGET_SECONDS", "240");
        }
    }

    @Test
    @DisplayName("any drift in a 5-minute period warns (NIJA PositionDrift of the reconciler); reconciliation errors page")
    void driftAlarm() {
        for (RegionalStack s : prod.stacks) {
            var alarms = OpsTest.alarms(prod, s);
            if (!s.regionSpec().role().runsEngine()) {
                assertThat(alarms).doesNotContainKey("PositionDriftWarning");
                continue;
            }
            Map<String, Object> drift = alarms.get("PositionDriftWarning");
            assertThat(drift).as(s.getStackName()).isNotNull()
                    .containsEntry("MetricName", "PositionDrift").containsEntry("Namespace", "NIJA")
                    .containsEntry("Threshold", 0).containsEntry("EvaluationPeriods", 1)
                    .containsEntry("Statistic", "Sum").containsEntry("Period", 300);
            assertThat(list(drift.get("Dimensions"))).singleElement().satisfies(d -> assertThat(d).isEqualTo(
                    Map.of("Name", "service", "Value", Telemetry.service(ReconcileVenuesHandler.class.getName()))));
            assertThat(OpsTest.topicOf(drift)).isEqualTo(OpsTest.topicOf(alarms.get("Api5xxRateWarning")));
            Map<String, Object> errors = alarms.get("WorkerErrorsreconcilevenues");
            assertThat(errors).isNotNull().containsEntry("MetricName", "Errors");
            assertThat(OpsTest.topicOf(errors)).isEqualTo(OpsTest.topicOf(alarms.get("Api5xxRateCritical")));
        }
    }
}
