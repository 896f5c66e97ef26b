package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.cdk.config.AppConfig;
import com.nija.shared.capacity.ExecutorConcurrency;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The order executor's concurrency: the capacity model's stored recommendation, context executorConcurrency overrides it")
class ExecutorConcurrencyTest {
    private static final ExecutorConcurrency RECOMMENDED = ExecutorConcurrency.deployedDefault();

    private static Object maximumConcurrency(Synth.Result r, String region) {
        return at(FunctionsTest.eventSource(r, r.stack(region), "order-executor").orElseThrow(),
                "ScalingConfig", "MaximumConcurrency");
    }

    @Test
    @DisplayName("prod's executor event source and reservation are the recommendation in each engine region; dev's event source too, unreserved")
    void defaultIsTheRecommendation() {
        Synth.Result prod = Synth.prod();
        for (String region : new String[] {"us-east-1", "us-west-2"}) {
            assertThat(maximumConcurrency(prod, region)).as(region).isEqualTo(RECOMMENDED.maxConcurrency());
            assertThat(props(FunctionsTest.fn(prod, region, "order-executor")))
                    .containsEntry("ReservedConcurrentExecutions", RECOMMENDED.reservedConcurrency());
        }
        Synth.Result dev = Synth.dev();
        assertThat(maximumConcurrency(dev, "us-east-1")).isEqualTo(RECOMMENDED.maxConcurrency());
        assertThat(props(FunctionsTest.fn(dev, "us-east-1", "order-executor")))
                .doesNotContainKey("ReservedConcurrentExecutions");
    }

    @Test
    @DisplayName("-c executorConcurrency=120 sets the event source's maximum and the reservation, and the region's total follows")
    void contextOverrides() {
        Map<String, Object> context = new HashMap<>(ReservationsTest.PROD_TWO_REGIONS);
        context.put("executorConcurrency", "120");

        Synth.Result r = Synth.with(context);
        Synth.Result defaults = Synth.with(ReservationsTest.PROD_TWO_REGIONS);

        assertThat(maximumConcurrency(r, "us-east-1")).isEqualTo(120);
        assertThat(props(FunctionsTest.fn(r, "us-east-1", "order-executor")))
                .containsEntry("ReservedConcurrentExecutions", 120);
        assertThat(ReservationsTest.reservedSum(r, r.stack("us-east-1"))).isEqualTo(
                ReservationsTest.reservedSum(defaults, defaults.stack("us-east-1")) - RECOMMENDED.reservedConcurrency() + 120);
    }

    @ParameterizedTest(name = "executorConcurrency={0} is refused, naming the key and SQS's range")
    @ValueSource(strings = {"1", "1001", "lots", "-5"})
    void outsideSqsRangeRefused(String value) {
        assertThatThrownBy(() -> AppConfig.from(Map.<String, Object>of("executorConcurrency", value)::get))
                .hasMessageContaining("executorConcurrency").hasMessageContaining("2 to 1000");
    }
}
