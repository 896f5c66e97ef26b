package com.nija.shared.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExecutorConcurrencyTest {
    @Test
    @DisplayName("The stored executor concurrency the CDK app deploys is the capacity model's recommendation for its design point")
    void storedDefaultIsTheModelsRecommendation() {
        ExecutorConcurrency stored = ExecutorConcurrency.deployedDefault();

        CapacityReport r = CapacityModel.standard().project(stored.designWorkload());

        assertThat(r.recommendedConcurrency()).hasValue(stored.maxConcurrency());
        assertThat(stored.reservedConcurrency()).isEqualTo(stored.maxConcurrency());
        assertThat(r.p99AtCurrentMs()).isLessThanOrEqualTo(CapacityModel.TARGET_MS);
        assertThat(r.currentConcurrency()).isEqualTo(stored.maxConcurrency());
    }

    @Test
    @DisplayName("One less than the stored default misses 2 s at the design point: the default is not padded")
    void oneLessMisses() {
        ExecutorConcurrency stored = ExecutorConcurrency.deployedDefault();

        double p99 = CapacityModel.standard().path().p99Ms(stored.designFollowers(), stored.maxConcurrency() - 1);

        assertThat(p99).isGreaterThan(CapacityModel.TARGET_MS);
    }

    @Test
    @DisplayName("A concurrency outside SQS's 2..1000, or a reservation below it, is refused")
    void bounds() {
        assertThatThrownBy(() -> new ExecutorConcurrency(1, 1, 1, 1)).hasMessageContaining("2..1000");
        assertThatThrownBy(() -> new ExecutorConcurrency(1, 1, 1001, 1001)).hasMessageContaining("2..1000");
        assertThatThrownBy(() -> new ExecutorConcurrency(1, 1, 50, 40)).hasMessageContaining("throttles");
    }
}
