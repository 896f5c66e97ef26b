package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.cdk.network.Cache;
import com.nija.shared.capacity.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Context lean: one NAT gateway per engine region, no interface endpoints, ElastiCache Serverless — the cost model's prod-lean")
class LeanTest {
    static final Synth.Result lean = Synth.with(Map.of("stage", "prod", "dashboardOrigins", Synth.ORIGIN,
            "alarmEmail", "oncall@nija.example", "lean", "true"));

    private static List<Map<String, Object>> interfaceEndpoints(Synth.Result r, RegionalStack s) {
        return r.properties(s, "AWS::EC2::VPCEndpoint").stream()
                .filter(e -> "Interface".equals(e.get("VpcEndpointType"))).toList();
    }

    @ParameterizedTest(name = "the cost model's {0} is what CDK synthesizes")
    @ValueSource(strings = {"prod", "prod-lean"})
    void deploymentIsWhatCdkSynthesizes(String name) {
        Deployment d = Deployment.named(name);
        Synth.Result r = name.equals("prod") ? Synth.prod() : lean;

        List<RegionalStack> engines = r.stacks.stream().filter(s -> s.regionSpec().role().runsEngine()).toList();
        assertThat(engines).hasSize(d.engineRegions());
        assertThat(r.stacks).hasSize(d.regions());
        for (RegionalStack s : engines) {
            assertThat(r.resources(s, "AWS::EC2::NatGateway")).as(s.getStackName()).hasSize(d.natGatewaysPerRegion());
            assertThat(r.properties(s, "AWS::EC2::Subnet").stream()
                    .map(p -> String.valueOf((Object) p.get("AvailabilityZone"))).distinct()).hasSize(d.azs());
            assertThat(interfaceEndpoints(r, s)).hasSize(d.interfaceEndpoints());
            var serverless = r.properties(s, "AWS::ElastiCache::ServerlessCache");
            var groups = r.properties(s, "AWS::ElastiCache::ReplicationGroup");
            if (Deployment.SERVERLESS_CACHE.equals(d.cacheNodeType())) {
                assertThat(serverless).hasSize(1);
                assertThat(groups).isEmpty();
                assertThat(d.cacheNodesPerRegion()).isZero();
            } else {
                assertThat(serverless).isEmpty();
                assertThat(groups).singleElement().satisfies(g -> {
                    assertThat(g).containsEntry("CacheNodeType", d.cacheNodeType());
                    assertThat((Integer) g.get("NumNodeGroups") * (1 + (Integer) g.get("ReplicasPerNodeGroup")))
                            .isEqualTo(d.cacheNodesPerRegion());
                });
            }
        }
    }

    @Test
    @DisplayName("the serverless cache is Valkey in the isolated subnets of all 3 zones, reachable on 6379 from the functions only")
    void serverlessCache() {
        RegionalStack s = lean.stack("us-east-1");
        Map<String, Object> cache = lean.properties(s, "AWS::ElastiCache::ServerlessCache").get(0);

        assertThat(cache).containsEntry("Engine", "valkey").containsEntry("MajorEngineVersion", "8")
                .containsEntry("SnapshotRetentionLimit", 7);
        assertThat(Synth.list(cache.get("SubnetIds"))).hasSize(3);
        // Inline rules of the groups and separate ingress resources alike.
        List<Object> ingress = new java.util.ArrayList<>(lean.properties(s, "AWS::EC2::SecurityGroupIngress"));
        lean.properties(s, "AWS::EC2::SecurityGroup").forEach(g -> ingress.addAll(Synth.list(g.get("SecurityGroupIngress"))));
        assertThat(ingress).anySatisfy(i -> {
            assertThat((Object) at(i, "FromPort")).isEqualTo(Cache.SERVERLESS_PORT);
            assertThat((Object) at(i, "SourceSecurityGroupId")).isNotNull();
        });
        assertThat(ingress).noneMatch(i -> Integer.valueOf(Cache.PORT).equals(at(i, "FromPort")));
        assertThat(ingress).noneMatch(i -> "0.0.0.0/0".equals(at(i, "CidrIp")));
    }

    @Test
    @DisplayName("every function with Redis gets the serverless endpoint over TLS and Lettuce's cluster client")
    void functionsUseTheServerlessEndpoint() {
        RegionalStack s = lean.stack("us-east-1");
        var withRedis = FunctionsTest.javaFunctions(lean, s).values().stream()
                .map(FunctionsTest::env).filter(e -> e.containsKey("NIJA_REDIS_URL")).toList();

        assertThat(withRedis).isNotEmpty().allSatisfy(env -> {
            assertThat(String.valueOf(env.get("NIJA_REDIS_URL"))).contains("rediss://").contains("Endpoint.Address")
                    .contains("Endpoint.Port");
            assertThat(env).containsEntry("NIJA_REDIS_CLUSTER", "true");
        });
    }

    @Test
    @DisplayName("the cache warning is its throttled commands (no nodes, no CPU or memory alarms); no cdk-nag finding")
    void alarmsAndNag() {
        RegionalStack s = lean.stack("us-east-1");
        var alarms = lean.properties(s, "AWS::CloudWatch::Alarm");

        assertThat(alarms).anySatisfy(a -> {
            assertThat(a).containsEntry("MetricName", "ThrottledCmds").containsEntry("Namespace", "AWS/ElastiCache");
            assertThat(String.valueOf(a.get("Dimensions"))).contains("clusterId");
        });
        assertThat(alarms).noneMatch(a -> String.valueOf(a).contains("EngineCPUUtilization"));
        assertThat(NagTest.findings(lean)).isEmpty();
    }
}
