package com.nija.cdk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.capacity.Deployment;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cost model prices what this app builds: its {@link Deployment} shapes follow {@link Stage} and the default regions. */
class DeploymentMatchesCdkTest {
    @ParameterizedTest(name = "{0} is priced as the CDK app builds it")
    @CsvSource({"prod, PROD", "dev, DEV"})
    void deploymentFollowsStageAndRegions(String name, Stage stage) {
        Deployment d = Deployment.named(name);
        List<AppConfig.RegionSpec> regions = AppConfig.parseRegions(null);

        assertThat(d.engineRegions()).isEqualTo(regions.stream().filter(r -> r.role().runsEngine()).count());
        assertThat(d.apiRegions()).isEqualTo(regions.stream().filter(r -> !r.role().runsEngine()).count());
        assertThat(d.natGatewaysPerRegion()).isEqualTo(stage.natGateways());
        assertThat(d.azs()).isEqualTo(stage.maxAzs());
        // Network: SQS, Secrets Manager and KMS interface endpoints where the stage has them.
        assertThat(d.interfaceEndpoints()).isEqualTo(stage.interfaceEndpoints() ? 3 : 0);
        assertThat(d.cacheNodeType()).isEqualTo(stage.cacheNodeType());
        assertThat(d.cacheNodesPerRegion()).isEqualTo(stage.cacheShards() * (1 + stage.cacheReplicasPerShard()));
        assertThat(d.alarmsPerRegion() > 0).isEqualTo(stage.alarmsByDefault());
    }
}
