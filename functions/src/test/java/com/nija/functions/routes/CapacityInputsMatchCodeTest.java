package com.nija.functions.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.capacity.CitedFigures;
import com.nija.shared.config.NijaConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The capacity model's inputs that describe the code, not a measurement (measured-costs.json), stay what the code
 * does: a change to the executor's bounds or to the inline fan-out limit must come with a new projection.
 */
class CapacityInputsMatchCodeTest {
    private final CitedFigures measured = CitedFigures.resource("measured-costs.json");

    @Test
    @DisplayName("The executor's batch size in the model is the route table's")
    void executorBoundsMatchTheRouteTable() {
        Worker executor = RouteTable.WORKERS.stream().filter(w -> w.function().equals("order-executor"))
                .findFirst().orElseThrow();

        assertThat(measured.value("executor.batch-size")).isEqualTo(executor.batchSize());
    }

    @Test
    @DisplayName("The model's inline fan-out limit is the platform's default")
    void inlineFanoutLimitMatchesTheConfig() {
        assertThat(measured.value("signal.inline-fanout-max")).isEqualTo(new NijaConfig().getInlineFanoutMax());
    }
}
