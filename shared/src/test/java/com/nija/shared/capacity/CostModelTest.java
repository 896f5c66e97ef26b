package com.nija.shared.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostModelTest {
    private final CostModel model = CostModel.standard();
    /** One engine region, one NAT, one endpoint in 2 zones, one t4g.small node, no alarms or secrets: by hand. */
    private final Deployment small = new Deployment("small", 1, 0, 1, 2, 1, "cache.t4g.small", 1, 1024, 0, 0);
    /** No signals, so no orders: only the steady traffic is variable. */
    private final Workload quiet = new Workload(100, 0, 1, 6, 1, 0.25, 30, 2);

    private static double line(CostModel.CostReport r, String prefix) {
        return r.lines().stream().filter(l -> l.service().startsWith(prefix)).findFirst().orElseThrow().monthlyUsd();
    }

    @Test
    @DisplayName("Fixed lines of a small deployment: 730 h of NAT, of an endpoint in 2 zones and of a cache node, one KMS key, a dashboard, a zone")
    void fixedLinesByHand() {
        CostModel.CostReport r = model.price(small, quiet);

        assertThat(line(r, "NAT gateways")).isCloseTo(730 * 0.045, within(1e-6));
        assertThat(line(r, "ElastiCache")).isCloseTo(730 * 0.032, within(1e-6));
        assertThat(line(r, "VPC interface endpoints")).isCloseTo(2 * 730 * 0.01, within(1e-6));
        assertThat(line(r, "Alarms")).isCloseTo(1.00 + 3.00 + 0.50, within(1e-6));
        assertThat(r.fixed()).isCloseTo(730 * 0.045 + 2 * 730 * 0.01 + 730 * 0.032 + 4.50, within(1e-6));
    }

    @Test
    @DisplayName("Variable lines by hand: HTTP requests and WebSocket connection minutes of 100 traders")
    void variableLinesByHand() {
        CostModel.CostReport r = model.price(small, quiet);
        double month = 730 * 3600.0;
        double http = (100 * 6 / 3600.0 + 100 * 1 / 86_400.0 + 30 / 60.0) * month + 100 * 2;

        assertThat(line(r, "API Gateway HTTP")).isCloseTo(http / 1e6 * 1.00, within(1e-9));
        assertThat(line(r, "API Gateway WebSocket")).isCloseTo(25 * month / 60 / 1e6 * 0.25, within(1e-9));
        assertThat(line(r, "Cognito")).isZero();
    }

    @ParameterizedTest(name = "{0} traders: the total is the lines' sum and per trader is total / traders")
    @CsvSource({"1000", "10000", "100000"})
    void totalsAddUp(int traders) {
        CostModel.CostReport r = model.price(Deployment.prod(), Workload.defaults(traders));

        assertThat(r.total()).isCloseTo(r.lines().stream().mapToDouble(CostModel.Line::monthlyUsd).sum(), within(1e-9));
        assertThat(r.perTrader()).isCloseTo(r.total() / traders, within(1e-12));
    }

    @Test
    @DisplayName("Cognito charges only the users beyond the first 10,000")
    void cognitoBeyondTheFreeTier() {
        Workload w = Workload.defaults(10_500).withFollowers(1);

        assertThat(line(model.price(small, w), "Cognito")).isCloseTo(500 * 0.0055, within(1e-9));
    }

    @Test
    @DisplayName("At 1,000 traders prod's fixed costs dominate, and the lean shape costs less at every size")
    void fixedCostsDominateSmallScale() {
        CostModel.CostReport prod = model.price(Deployment.prod(), Workload.defaults(1_000));

        assertThat(prod.fixed()).isGreaterThan(prod.total() / 2);
        for (int traders : new int[] {1_000, 10_000, 100_000}) {
            assertThat(model.price(Deployment.prodLean(), Workload.defaults(traders)).total())
                    .isLessThan(model.price(Deployment.prod(), Workload.defaults(traders)).total());
        }
    }

    @Test
    @DisplayName("Per trader, the bill falls as traders grow: the fixed part is shared by more")
    void perTraderFallsWithScale() {
        double at1k = model.price(Deployment.prod(), Workload.defaults(1_000)).perTrader();
        double at10k = model.price(Deployment.prod(), Workload.defaults(10_000)).perTrader();
        double at100k = model.price(Deployment.prod(), Workload.defaults(100_000)).perTrader();

        assertThat(at1k).isGreaterThan(at10k);
        assertThat(at10k).isGreaterThan(at100k);
    }
}
