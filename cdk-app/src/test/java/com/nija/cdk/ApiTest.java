package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.cdk.api.RouteGroup;
import com.nija.functions.routes.Route;
import com.nija.functions.routes.RouteTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("HTTP API: the route table both ways, JWT on non-public routes, throttling per group, CORS, DNS")
class ApiTest {
    /** Synthesized once per JVM (see {@link Synth}). */
    static final Synth.Result prod = Synth.prod();
    static final Synth.Result dev = Synth.dev();

    @Test
    @DisplayName("every route in the route table is in every region's template, and nothing else is")
    void routesBothWays() {
        Set<String> table = RouteTable.ROUTES.stream().map(Route::routeKey).collect(Collectors.toSet());
        for (Synth.Result r : List.of(prod, dev)) {
            for (RegionalStack s : r.stacks) {
                Set<String> template = r.http(s, "AWS::ApiGatewayV2::Route").stream()
                        .map(p -> (String) p.get("RouteKey")).collect(Collectors.toSet());
                assertThat(template).as(s.getStackName() + ": template ⊆ route table").isSubsetOf(table);
                assertThat(table).as(s.getStackName() + ": route table ⊆ template").isSubsetOf(template);
            }
        }
    }

    @Test
    @DisplayName("public routes have no authorizer; every other route has the Cognito JWT authorizer")
    void authorization() {
        for (RegionalStack s : prod.stacks) {
            Map<String, Map<String, Object>> byKey = prod.http(s, "AWS::ApiGatewayV2::Route").stream()
                    .collect(Collectors.toMap(p -> (String) p.get("RouteKey"), p -> p));
            for (Route route : RouteTable.ROUTES) {
                Map<String, Object> p = byKey.get(route.routeKey());
                if (route.access().needsToken()) {
                    assertThat(p).as(route.routeKey()).containsEntry("AuthorizationType", "JWT").containsKey("AuthorizerId");
                } else {
                    assertThat(p.get("AuthorizationType")).as(route.routeKey()).isIn("NONE", null);
                    assertThat(p).doesNotContainKey("AuthorizerId");
                }
            }
            var authorizers = prod.http(s, "AWS::ApiGatewayV2::Authorizer");
            assertThat(authorizers).hasSize(1);
            assertThat(authorizers.get(0)).containsEntry("AuthorizerType", "JWT");
            // Every region trusts the primary's user pool.
            assertThat(String.valueOf((Object) at(authorizers.get(0), "JwtConfiguration", "Issuer")))
                    .contains("cognito-idp.us-east-1.amazonaws.com");
        }
        var groups = prod.properties(prod.stack("us-east-1"), "AWS::Cognito::UserPoolGroup").stream()
                .map(p -> p.get("GroupName")).toList();
        assertThat(groups).containsExactlyInAnyOrder("admin", "finance");
        assertThat(prod.resources(prod.stack("us-west-2"), "AWS::Cognito::UserPool")).isEmpty();
    }

    @Test
    @DisplayName("integrations invoke the functions' live aliases with payload format 2.0")
    void integrationsUseAliases() {
        RegionalStack s = prod.stack("us-east-1");
        Set<String> aliases = prod.resources(s, "AWS::Lambda::Alias").keySet();
        prod.http(s, "AWS::ApiGatewayV2::Integration").forEach(p -> {
            assertThat(p).containsEntry("PayloadFormatVersion", "2.0").containsEntry("IntegrationType", "AWS_PROXY");
            assertThat(aliases).contains((String) at(p, "IntegrationUri", "Ref"));
        });
    }

    @Test
    @DisplayName("each route is throttled by its group (prod figures; dev a tenth) under a stage-wide ceiling")
    void throttlingPerGroup() {
        for (Synth.Result r : List.of(prod, dev)) {
            double scale = r == prod ? 1.0 : 0.1;
            for (RegionalStack s : r.stacks) {
                Map<String, Object> stage = r.http(s, "AWS::ApiGatewayV2::Stage").get(0);
                Map<String, Object> settings = at(stage, "RouteSettings");
                for (Route route : RouteTable.ROUTES) {
                    RouteGroup g = RouteGroup.of(route);
                    assertThat((Object) at(settings, route.routeKey(), "ThrottlingRateLimit")).as(route.routeKey())
                            .isEqualTo(g.rate(scale));
                    assertThat((Object) at(settings, route.routeKey(), "ThrottlingBurstLimit"))
                            .isEqualTo(g.burst(scale));
                }
                assertThat((Object) at(stage, "DefaultRouteSettings", "ThrottlingRateLimit"))
                        .isEqualTo((int) (RouteGroup.STAGE_RATE * scale));
                assertThat((Object) at(stage, "AccessLogSettings", "DestinationArn")).isNotNull();
            }
        }
        assertThat(RouteGroup.of(RouteTable.byFunction("kill-switch").orElseThrow())).isEqualTo(RouteGroup.STAFF);
        assertThat(RouteGroup.of(RouteTable.byFunction("health").orElseThrow())).isEqualTo(RouteGroup.HEALTH);
        // Signals have their own bucket, below the stage's and apart from the price feed and webhooks.
        assertThat(RouteGroup.of(RouteTable.byFunction("signal-intake").orElseThrow())).isEqualTo(RouteGroup.SIGNALS);
        assertThat(RouteGroup.of(RouteTable.byFunction("price-ingest").orElseThrow())).isEqualTo(RouteGroup.INGEST);
        assertThat(RouteGroup.SIGNALS.rate(1)).isLessThan(RouteGroup.STAGE_RATE);
    }

    @Test
    @DisplayName("CORS answers the dashboard origin from context (dev default: the local dashboard)")
    void cors() {
        Map<String, Object> api = prod.properties(prod.stack("us-east-1"), "AWS::ApiGatewayV2::Api").stream()
                .filter(a -> "HTTP".equals(a.get("ProtocolType"))).findFirst().orElseThrow();
        assertThat((Object) at(api, "CorsConfiguration", "AllowOrigins")).isEqualTo(List.of(Synth.ORIGIN));
        Map<String, Object> devApi = dev.properties(dev.stack("us-east-1"), "AWS::ApiGatewayV2::Api").stream()
                .filter(a -> "HTTP".equals(a.get("ProtocolType"))).findFirst().orElseThrow();
        assertThat((Object) at(devApi, "CorsConfiguration", "AllowOrigins")).isEqualTo(List.of("http://localhost:5173"));
    }

    @Test
    @DisplayName("with a hosted zone: a latency record per region, healthy by its own 5xx alarm (not a probe anyone "
            + "can flood); without: no DNS")
    void latencyDns() {
        for (RegionalStack s : prod.stacks) {
            var checks = prod.properties(s, "AWS::Route53::HealthCheck");
            assertThat(checks).hasSize(1);
            Map<String, Object> cfg = at(checks.get(0), "HealthCheckConfig");
            assertThat(cfg).containsEntry("Type", "CLOUDWATCH_METRIC")
                    .containsEntry("InsufficientDataHealthStatus", "LastKnownStatus")
                    .doesNotContainKeys("ResourcePath", "FullyQualifiedDomainName");
            assertThat((Object) at(cfg, "AlarmIdentifier", "Region")).isEqualTo(s.regionSpec().region());
            String alarmId = at(cfg, "AlarmIdentifier", "Name", "Ref");
            Map<String, Object> alarm = Synth.props(prod.resources(s, "AWS::CloudWatch::Alarm").get(alarmId));
            // Route 53 takes single-metric alarms with a standard statistic only.
            assertThat(alarm).containsEntry("MetricName", "5xx").containsEntry("Statistic", "Sum")
                    .containsEntry("Period", 60).containsEntry("EvaluationPeriods", 3)
                    .containsEntry("Threshold", 50).doesNotContainKeys("Metrics", "ExtendedStatistic");
            var records = prod.properties(s, "AWS::Route53::RecordSet");
            var latency = records.stream().filter(p -> "A".equals(p.get("Type")) && p.containsKey("Region")).toList();
            assertThat(latency).hasSize(1);
            assertThat(latency.get(0)).containsEntry("Region", s.regionSpec().region())
                    .containsEntry("SetIdentifier", s.regionSpec().region())
                    .containsEntry("HostedZoneId", Synth.ZONE_ID)
                    .containsKey("HealthCheckId");
            assertThat(String.valueOf(latency.get(0).get("Name"))).startsWith(Synth.DOMAIN);
            assertThat((Object) at(latency.get(0), "AliasTarget", "DNSName")).isNotNull();
            assertThat(prod.resources(s, "AWS::ApiGatewayV2::DomainName")).hasSize(1);
        }
        for (RegionalStack s : dev.stacks) {
            assertThat(dev.resources(s, "AWS::Route53::HealthCheck")).isEmpty();
            assertThat(dev.resources(s, "AWS::Route53::RecordSet")).isEmpty();
        }
    }

    @Test
    @DisplayName("outputs name the API, the table and the issuer by key")
    void outputs() {
        RegionalStack s = prod.stack("us-east-1");
        Map<String, Object> outputs = at(prod.json(s), "Outputs");
        assertThat(outputs).containsKeys("ApiUrl", "ApiId", "TradingTableName", "IssuerUrl", "UserPoolId",
                "UserPoolClientId", "RedisUrl", "OrdersQueueUrl", "SignalsQueueUrl", "CriticalTopicArn", "FnGetPositions");
    }
}
