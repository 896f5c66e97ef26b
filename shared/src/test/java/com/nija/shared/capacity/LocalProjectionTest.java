package com.nija.shared.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalProjectionTest {
    private final LocalProjection local = new LocalProjection(CitedFigures.resource("measured-costs.json"));

    @Test
    @DisplayName("The model on the local platform's parameters agrees with bench signals at 100 and 1,000 traders")
    void agreesWithTheRecordedBenchmarks() {
        assertThat(local.checks()).hasSize(2).allSatisfy(c -> assertThat(c.agrees(0.25)).as("%s", c).isTrue());
    }

    @ParameterizedTest(name = "{0} followers measured at {1} ms: agrees = {2}")
    @CsvSource({
            // range at 100: ElasticMQ 1,200 ms, dynalite 400 ms → 1,200–1,600, ±25% → 900–2,000
            "100, 950, true", "100, 1999, true", "100, 850, false", "100, 2100, false",
            // range at 1,000: 6,400 and 4,000 → 6,400–10,400, ±25% → 4,800–13,000
            "1000, 5000, true", "1000, 4000, false", "1000, 14000, false"})
    void agreementIsARangeCheck(int followers, double measuredMs, boolean agrees) {
        assertThat(local.check(followers, measuredMs).agrees(0.25)).isEqualTo(agrees);
    }
}
