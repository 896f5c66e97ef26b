package com.nija.shared.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TelemetryTest {
    @Test
    @DisplayName("a handler's metrics go out under its class name without Handler, the dimension the CDK alarms select on")
    void serviceDimension() {
        assertThat(Telemetry.service("com.nija.functions.engine.OrderExecutorHandler")).isEqualTo("OrderExecutor");
        assertThat(Telemetry.service("com.nija.functions.engine.PauseTradingHandler")).isEqualTo("PauseTrading");
        assertThat(Telemetry.service("HealthHandler")).isEqualTo("Health");
    }
}
