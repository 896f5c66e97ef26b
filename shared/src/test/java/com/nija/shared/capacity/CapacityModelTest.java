package com.nija.shared.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CapacityModelTest {
    private final CapacityModel model = CapacityModel.standard();

    @ParameterizedTest(name = "{0} traders, {1} followers per signal: a recommendation within 2 s")
    @CsvSource({"1000, 100", "10000, 500", "10000, 1000", "100000, 2000"})
    void recommendsAConcurrencyMeetingTheTarget(int traders, int followers) {
        CapacityReport r = model.project(Workload.defaults(traders).withFollowers(followers));

        assertThat(r.recommendedConcurrency()).isPresent();
        assertThat(r.p99AtRecommendedMs()).isLessThanOrEqualTo(CapacityModel.TARGET_MS);
        assertThat(r.recommendedConcurrency().getAsInt()).isBetween(2, 1000);
    }

    @Test
    @DisplayName("A signal to 100,000 followers cannot reach its orders within 2 s at any concurrency AWS allows")
    void saysWhenNoConcurrencyIsEnough() {
        CapacityReport r = model.project(Workload.defaults(100_000).withFollowers(100_000));

        assertThat(r.recommendedConcurrency()).isEmpty();
        assertThat(r.p99AtCurrentMs()).isGreaterThan(CapacityModel.TARGET_MS);
    }

    @ParameterizedTest(name = "{0} traders: the limits come sorted, the one met first on top")
    @ValueSource(ints = {100, 10_000, 100_000})
    void limitsSortedByUtilization(int traders) {
        CapacityReport r = model.project(Workload.defaults(traders));

        assertThat(r.limits()).isSortedAccordingTo(
                Comparator.comparingDouble(CapacityReport.LimitCheck::utilization).reversed());
        assertThat(r.firstLimit().utilization()).isEqualTo(r.limits().stream()
                .mapToDouble(CapacityReport.LimitCheck::utilization).max().orElseThrow());
        assertThat(r.limits()).allSatisfy(l -> assertThat(l.source()).startsWith("https://docs.aws.amazon.com/"));
    }

    @Test
    @DisplayName("Twice the followers per signal never makes signal → order faster")
    void moreFollowersAreNeverFaster() {
        SignalPath path = model.path();
        for (int n = 1; n < 50_000; n *= 2) {
            assertThat(path.p99Ms(2 * n, 50)).isGreaterThanOrEqualTo(path.p99Ms(n, 50));
        }
    }

    @Test
    @DisplayName("The executor's peak concurrency is the recommendation, and the account limit counts it")
    void executorPeakIsTheRecommendation() {
        CapacityReport r = model.project(Workload.defaults(10_000).withFollowers(1_000));
        CapacityReport.FunctionLoad executor = r.functions().stream()
                .filter(f -> f.function().equals("order-executor")).findFirst().orElseThrow();

        assertThat(executor.peak()).isEqualTo(r.recommendedConcurrency().getAsInt());
        assertThat(r.limits()).anySatisfy(l -> {
            assertThat(l.limit()).startsWith("Lambda account concurrency");
            assertThat(l.needed()).isGreaterThanOrEqualTo(executor.peak());
        });
    }

    @Test
    @DisplayName("The model's CPU per order (composed from per-call costs) is not below what bench engine measured for the whole path")
    void orderCpuNotBelowTheEngineBenchmark() {
        CitedFigures m = CitedFigures.resource("measured-costs.json");
        double modelled = m.value("order.dynamodb-calls-close") * m.value("cpu.dynamodb-call-ms") + m.value("order.push-post-ms");

        // bench engine has no connected client, so the push post is added to its figure.
        assertThat(modelled).isGreaterThanOrEqualTo(m.value("engine.cpu-ms-per-order") + m.value("order.push-post-ms"));
    }

    @ParameterizedTest(name = "{0}: every figure names its source")
    @ValueSource(strings = {"aws-quotas.json", "measured-costs.json", "aws-prices-us-east-1.json"})
    void everyFigureIsCited(String file) {
        CitedFigures figures = CitedFigures.resource(file);

        assertThat(figures.version()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(figures.all().values()).isNotEmpty().allSatisfy(f -> assertThat(f.source())
                .matches("https://(docs\\.)?aws\\.amazon\\.com/.+|docs/PERFORMANCE\\.md.+|shared.+|functions.+"));
    }

    @Test
    @DisplayName("A figure without a source is refused, and a missing one is an error rather than a default")
    void uncitedOrMissingFiguresAreRefused() throws Exception {
        var json = new ObjectMapper().readTree("{\"version\":\"x\",\"figures\":{\"a\":{\"value\":1,\"unit\":\"u\"}}}");

        assertThatThrownBy(() -> CitedFigures.parse(json)).hasMessageContaining("a needs a numeric value and a source");
        assertThatThrownBy(() -> CitedFigures.resource("aws-quotas.json").value("no.such.figure"))
                .hasMessageContaining("no figure 'no.such.figure'");
    }
}
