package com.nija.cdk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.capacity.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cost model prices what this app builds: its {@link Deployment} shapes follow {@link Stage}, context {@code lean}
 * ({@link Footprint}) and the default regions. {@code LeanTest} counts the same in synthesized templates.
 */
class DeploymentMatchesCdkTest {
    @ParameterizedTest(name = "{0} is priced as the CDK app builds it with stage {1}, lean {2}")
    @CsvSource({"prod, prod, false", "dev, dev, false", "prod-lean, prod, true"})
    void deploymentFollowsStageFootprintAndRegions(String name, String stageName, boolean lean) {
        Deployment d = Deployment.named(name);
        AppConfig config = AppConfig.from(Map.<String, Object>of("stage", stageName, "lean", String.valueOf(lean),
                "dashboardOrigins", "https://app.nija.example")::get);
        Stage stage = config.stage();
        Footprint footprint = config.footprint();
        List<AppConfig.RegionSpec> regions = config.regions();

        assertThat(d.engineRegions()).isEqualTo(regions.stream().filter(r -> r.role().runsEngine()).count());
        assertThat(d.apiRegions()).isEqualTo(regions.stream().filter(r -> !r.role().runsEngine()).count());
        assertThat(d.natGatewaysPerRegion()).isEqualTo(footprint.natGateways());
        assertThat(d.azs()).isEqualTo(stage.maxAzs());
        // Network: SQS, Secrets Manager and KMS interface endpoints where the footprint has them.
        assertThat(d.interfaceEndpoints()).isEqualTo(footprint.interfaceEndpoints() ? 3 : 0);
        assertThat(d.cacheNodeType()).isEqualTo(footprint.serverlessCache() ? Deployment.SERVERLESS_CACHE
                : stage.cacheNodeType());
        assertThat(d.cacheNodesPerRegion()).isEqualTo(footprint.serverlessCache() ? 0
                : stage.cacheShards() * (1 + stage.cacheReplicasPerShard()));
        assertThat(d.alarmsPerRegion() > 0).isEqualTo(config.alarms());
    }
}
