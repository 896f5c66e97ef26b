package com.nija.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Schedules: the APEX scan runs in the engine region only, one minute after each 5-minute candle")
class SchedulesTest {
    private static final String WEST_API = "https://abc123.execute-api.us-west-2.amazonaws.com";

    @Test
    @DisplayName("by default only the primary schedules the scan, targeting the apex-scan function's alias")
    void primaryOnly() {
        Synth.Result dev = Synth.dev();
        for (RegionalStack s : dev.stacks) {
            Map<String, Map<String, Object>> schedules = dev.resources(s, "AWS::Scheduler::Schedule");
            if (s.regionSpec().region().equals("us-east-1")) {
                assertThat(schedules).hasSize(1);
                Map<?, ?> props = (Map<?, ?>) schedules.values().iterator().next().get("Properties");
                assertThat(props.get("ScheduleExpression")).isEqualTo("cron(1/5 * * * ? *)");
                assertThat(String.valueOf(props.get("Target"))).contains("apexscan").contains("apex-scan");
            } else {
                assertThat(schedules).as(s.getStackName()).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("with the engine moved to us-west-2 the scan is scheduled there and nowhere else")
    void followsTheEngine() {
        Synth.Result west = Synth.with(Map.of("engineRegion", "us-west-2", "engineApiUrl", WEST_API));
        for (RegionalStack s : west.stacks) {
            int expected = s.regionSpec().region().equals("us-west-2") ? 1 : 0;
            assertThat(west.resources(s, "AWS::Scheduler::Schedule")).as(s.getStackName()).hasSize(expected);
        }
    }
}
