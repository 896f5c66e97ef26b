package com.nija.functions.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.nija.functions.http.ScheduledHandler;
import com.nija.functions.reconcile.ReconcileVenuesHandler;
import com.nija.functions.strategy.ApexScanHandler;
import com.nija.functions.support.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one schedule type: what EventBridge is told, when the local platform first runs it, and the table's entries. */
class ScheduleTest {
    private static final Duration FIVE = Duration.ofMinutes(5);

    private static Schedule scheduled(String function) {
        return RouteTable.SCHEDULES.stream().filter(s -> s.function().equals(function)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("reconciliation: every 5 minutes from deployment, in every engine-role region, retried on failure")
    void reconciliation() {
        Schedule s = scheduled("reconcile-venues");

        assertThat(s.handler()).isEqualTo(ReconcileVenuesHandler.class);
        assertThat(s.expression()).isEqualTo("rate(5 minutes)");
        assertThat(s.placement()).isEqualTo(Schedule.Placement.ENGINE_ROLE_REGIONS);
        assertThat(s.retried()).isTrue();
    }

    @Test
    @DisplayName("APEX scan: one minute past each 5-minute close in UTC, in the engine region only, never retried")
    void apexScan() {
        Schedule s = scheduled("apex-scan");

        assertThat(s.handler()).isEqualTo(ApexScanHandler.class);
        assertThat(s.expression()).isEqualTo("cron(1/5 * * * ? *)");
        assertThat(s.placement()).isEqualTo(Schedule.Placement.ENGINE_REGION);
        assertThat(s.retried()).isFalse();
    }

    @Test
    @DisplayName("every scheduled function takes the scheduled event and has a sample of it under events/scheduled")
    void sampleEventPerSchedule() {
        for (Schedule s : RouteTable.SCHEDULES) {
            ScheduledEvent sample = Events.scheduled("scheduled/" + s.function() + ".json");

            assertThat(ScheduledHandler.class).as(s.function()).isAssignableFrom(s.handler());
            assertThat(sample.getDetailType()).as(s.function()).isEqualTo("Scheduled Event");
            assertThat(sample.getResources()).as(s.function()).singleElement().asString().endsWith("/nija-prod-" + s.function());
        }
    }

    static Stream<Arguments> expressions() {
        return Stream.of(
                Arguments.of(Duration.ofMinutes(1), null, "rate(1 minute)"),
                Arguments.of(Duration.ofMinutes(15), null, "rate(15 minutes)"),
                Arguments.of(Duration.ofMinutes(120), null, "rate(120 minutes)"),
                Arguments.of(FIVE, Duration.ZERO, "cron(0/5 * * * ? *)"),
                Arguments.of(Duration.ofMinutes(15), Duration.ofMinutes(14), "cron(14/15 * * * ? *)"),
                Arguments.of(Duration.ofMinutes(60), Duration.ofMinutes(2), "cron(2 * * * ? *)"));
    }

    @ParameterizedTest(name = "every {0}, offset {1} -> {2}")
    @MethodSource("expressions")
    @DisplayName("EventBridge expressions: rate with its singular minute, cron stepping through the hour from the offset")
    void expression(Duration every, Duration offset, String expected) {
        Schedule s = Schedule.every("f", ApexScanHandler.class, every);
        if (offset != null) s = s.at(offset);

        assertThat(s.expression()).isEqualTo(expected);
    }

    static Stream<Arguments> firstRuns() {
        return Stream.of(
                Arguments.of("2031-06-16T12:00:30Z", "2031-06-16T12:01:00Z"),
                Arguments.of("2031-06-16T12:01:00Z", "2031-06-16T12:06:00Z"),
                Arguments.of("2031-06-16T12:03:59.500Z", "2031-06-16T12:06:00Z"),
                Arguments.of("2031-06-16T23:59:10Z", "2031-06-17T00:01:00Z"));
    }

    @ParameterizedTest(name = "started {0} -> {1}")
    @MethodSource("firstRuns")
    @DisplayName("locally, an aligned schedule first runs at its next slot strictly after start, like its cron")
    void alignedFirstRun(String start, String expected) {
        Schedule s = Schedule.every("f", ApexScanHandler.class, FIVE).at(Duration.ofMinutes(1));

        assertThat(s.firstRunAfter(Instant.parse(start))).isEqualTo(Instant.parse(expected));
    }

    @Test
    @DisplayName("locally, a rate schedule first runs one interval after start, like EventBridge's rate")
    void rateFirstRun() {
        Instant start = Instant.parse("2031-06-16T12:03:17Z");

        assertThat(Schedule.every("f", ReconcileVenuesHandler.class, FIVE).firstRunAfter(start))
                .isEqualTo(start.plus(FIVE));
    }

    @Test
    @DisplayName("timers EventBridge cannot express are refused when the table is built, naming the function")
    void refusesWhatEventBridgeCannotRun() {
        assertThatThrownBy(() -> Schedule.every("f", ApexScanHandler.class, Duration.ofSeconds(90)))
                .hasMessageContaining("f: a schedule runs every whole number of minutes");
        assertThatThrownBy(() -> Schedule.every("f", ApexScanHandler.class, Duration.ofSeconds(30)))
                .hasMessageContaining("whole number of minutes");
        assertThatThrownBy(() -> Schedule.every("f", ApexScanHandler.class, Duration.ofMinutes(7)).at(Duration.ZERO))
                .hasMessageContaining("must divide an hour");
        assertThatThrownBy(() -> Schedule.every("f", ApexScanHandler.class, FIVE).at(FIVE))
                .hasMessageContaining("within one period");
        assertThatThrownBy(() -> Schedule.every("f", ApexScanHandler.class, FIVE).at(Duration.ofSeconds(30)))
                .hasMessageContaining("within one period");
    }
}
