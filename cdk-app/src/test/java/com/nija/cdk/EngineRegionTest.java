package com.nija.cdk;

import static com.nija.cdk.Synth.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.cdk.config.AppConfig;
import com.nija.cdk.config.EngineConfig;
import com.nija.functions.routes.RouteTable;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Engine region: one region trades, the others forward trading writes to it")
class EngineRegionTest {
    private static final String WEST_API = "https://abc123.execute-api.us-west-2.amazonaws.com";
    /** The functions of the routes that write trading state (they implement EngineWrite). */
    private static final Set<String> ENGINE_WRITES = Set.of("nija-dev-signal-intake", "nija-dev-price-ingest",
            "nija-dev-close-position", "nija-dev-pause-trading", "nija-dev-resume-trading", "nija-dev-kill-switch",
            "nija-dev-put-settings", "nija-dev-connect-broker", "nija-dev-disconnect-broker", "nija-dev-test-broker",
            "nija-dev-set-trading-mode", "nija-dev-pause-trader", "nija-dev-resume-trader", "nija-dev-flatten-trader",
            "nija-dev-put-protections");

    @Test
    @DisplayName("by default the primary is the engine: every function knows it, and only the other regions' "
            + "trading-write functions are given an engine API to forward to")
    void primaryIsTheDefaultEngine() {
        Synth.Result dev = Synth.dev();
        for (RegionalStack s : dev.stacks) {
            Map<String, Map<String, Object>> fns = FunctionsTest.javaFunctions(dev, s);
            assertThat(fns.values()).allSatisfy(f ->
                    assertThat(FunctionsTest.env(f)).containsEntry(EngineConfig.REGION_ENV, "us-east-1"));
            Set<String> forwarding = forwarding(fns);
            if (s.regionSpec().region().equals("us-east-1")) {
                assertThat(forwarding).as(s.getStackName()).isEmpty();
            } else {
                assertThat(forwarding).as(s.getStackName()).isEqualTo(ENGINE_WRITES);
            }
        }
    }

    @Test
    @DisplayName("with engineRegion=us-west-2 the primary forwards to the given URL and us-west-2 forwards nothing; "
            + "queue workers keep their event sources in both engine-role regions (the demoted one drains), none "
            + "exist in the API-only region")
    void engineMovedWest() {
        Synth.Result west = Synth.with(Map.of("engineRegion", "us-west-2", "engineApiUrl", WEST_API));
        for (RegionalStack s : west.stacks) {
            Map<String, Map<String, Object>> fns = FunctionsTest.javaFunctions(west, s);
            assertThat(fns.values()).allSatisfy(f ->
                    assertThat(FunctionsTest.env(f)).containsEntry(EngineConfig.REGION_ENV, "us-west-2"));
            String region = s.regionSpec().region();
            if (region.equals("us-west-2")) {
                assertThat(forwarding(fns)).isEmpty();
            } else {
                assertThat(forwarding(fns)).isEqualTo(ENGINE_WRITES);
                fns.values().stream().filter(f -> FunctionsTest.env(f).containsKey(EngineConfig.API_URL_ENV))
                        .forEach(f -> assertThat(FunctionsTest.env(f)).containsEntry(EngineConfig.API_URL_ENV, WEST_API));
            }
            int mappings = west.resources(s, "AWS::Lambda::EventSourceMapping").size();
            assertThat(mappings).as(region).isEqualTo(region.equals("eu-west-1") ? 0 : RouteTable.WORKERS.size());
        }
    }

    @Test
    @DisplayName("an engine region must be a listed engine-role region, and one that is not the primary needs its API URL")
    void engineRegionChecks() {
        AppConfig app = AppConfig.from(Map.<String, Object>of()::get);
        assertThat(EngineConfig.from(Map.<String, Object>of()::get, app).region()).isEqualTo("us-east-1");
        assertThatThrownBy(() -> EngineConfig.from(Map.<String, Object>of("engineRegion", "eu-west-1")::get, app))
                .hasMessageContaining("no queues or workers");
        assertThatThrownBy(() -> EngineConfig.from(Map.<String, Object>of("engineRegion", "ap-south-1")::get, app))
                .hasMessageContaining("not one of the regions");
        assertThatThrownBy(() -> EngineConfig.from(Map.<String, Object>of("engineRegion", "us-west-2")::get, app))
                .hasMessageContaining("engineApiUrl");
        assertThatThrownBy(() -> EngineConfig.from(Map.<String, Object>of("engineRegion", "us-west-2",
                "engineApiUrl", "http://plain.example")::get, app)).hasMessageContaining("not an https URL");
    }

    private static Set<String> forwarding(Map<String, Map<String, Object>> fns) {
        return fns.values().stream().filter(f -> FunctionsTest.env(f).containsKey(EngineConfig.API_URL_ENV))
                .map(f -> (String) props(f).get("FunctionName")).collect(Collectors.toSet());
    }
}
