package com.nija.shared.performance;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.testing.RandomCases;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the performance report over random periods (seeded): buckets whose wins and losses agree with
 * their P&L (gross profit only with winners, gross loss only with losers), starting equity 1,000 to 1,000,000.
 */
@DisplayName("Performance report invariants (seeded)")
class PerformanceCalculatorPropertiesTest {
    private static final int CASES = 300;

    @Test
    @DisplayName("the win rate is a fraction between 0 and 1, and missing when nothing closed (seed 401, 300 cases)")
    void winRateIsAFraction() {
        RandomCases.check(401, CASES, r -> {
            Period p = period(r);

            PerformanceReport report = p.compute();

            if (report.closedTrades() == 0) {
                assertThat(report.winRate()).isNull();
            } else {
                assertThat(report.winRate()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            }
        });
    }

    @Test
    @DisplayName("the drawdown is never negative and its percentage lies between 0 and 1 (seed 402, 300 cases)")
    void drawdownBounds() {
        RandomCases.check(402, CASES, r -> {
            Period p = period(r);

            PerformanceReport report = p.compute();

            assertThat(report.maxDrawdown()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(report.maxDrawdownPct()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        });
    }

    @Test
    @DisplayName("the drawdown is the largest fall from any earlier equity to any later one (seed 403, 300 cases)")
    void drawdownIsLargestFall() {
        RandomCases.check(403, CASES, r -> {
            Period p = period(r);

            List<BigDecimal> equity = new ArrayList<>();
            equity.add(p.startEquity());
            for (Bucket b : p.buckets()) equity.add(equity.get(equity.size() - 1).add(b.realizedPnl()));
            BigDecimal largestFall = BigDecimal.ZERO;
            for (int i = 0; i < equity.size(); i++) {
                for (int j = i + 1; j < equity.size(); j++) {
                    largestFall = largestFall.max(equity.get(i).subtract(equity.get(j)));
                }
            }

            PerformanceReport report = p.compute();

            assertThat(report.maxDrawdown()).isEqualByComparingTo(largestFall);
        });
    }

    @Test
    @DisplayName("realized P&L is the exact sum of the buckets' P&L, and fees the sum of their fees (seed 404, 300 cases)")
    void realizedIsExactSum() {
        RandomCases.check(404, CASES, r -> {
            Period p = period(r);

            BigDecimal sum = sum(p.buckets(), Bucket::realizedPnl);
            BigDecimal fees = sum(p.buckets(), Bucket::fees);

            PerformanceReport report = p.compute();

            assertThat(report.realizedPnl()).isEqualByComparingTo(sum);
            assertThat(report.fees()).isEqualByComparingTo(fees);
        });
    }

    @Test
    @DisplayName("end equity is start plus realized plus unrealized P&L, to the cent (seed 405, 300 cases)")
    void endEquityAddsUp() {
        RandomCases.check(405, CASES, r -> {
            Period p = period(r);

            BigDecimal expected = p.startEquity().add(sum(p.buckets(), Bucket::realizedPnl)).add(p.unrealized());

            PerformanceReport report = p.compute();

            assertThat(report.endEquity()).isEqualTo(expected.setScale(2));
            assertThat(report.totalPnl()).isEqualByComparingTo(report.realizedPnl().add(report.unrealizedPnl()));
        });
    }

    @Test
    @DisplayName("the equity chart has one point per bucket, in order, ending at start plus realized P&L (seed 406, 300 cases)")
    void equityCurveOnePointPerBucket() {
        RandomCases.check(406, CASES, r -> {
            Period p = period(r);

            PerformanceReport report = p.compute();

            assertThat(report.equityCurve()).hasSize(p.buckets().size());
            assertThat(report.equityCurve()).extracting(EquityPoint::t)
                    .containsExactlyElementsOf(p.buckets().stream().map(Bucket::label).toList());
            if (!p.buckets().isEmpty()) {
                EquityPoint last = report.equityCurve().get(report.equityCurve().size() - 1);
                assertThat(last.equity()).isEqualByComparingTo(p.startEquity().add(sum(p.buckets(), Bucket::realizedPnl)));
            }
            for (int i = 0; i < p.buckets().size(); i++) {
                assertThat(report.equityCurve().get(i).pnl()).isEqualByComparingTo(p.buckets().get(i).realizedPnl());
            }
        });
    }

    @Test
    @DisplayName("the profit factor is missing exactly when there was no gross loss (seed 407, 300 cases)")
    void profitFactorNullIffNoGrossLoss() {
        RandomCases.check(407, CASES, r -> {
            Period p = period(r);

            BigDecimal grossLoss = sum(p.buckets(), Bucket::grossLoss);

            PerformanceReport report = p.compute();

            assertThat(report.profitFactor() == null).isEqualTo(grossLoss.signum() == 0);
            if (report.profitFactor() != null) assertThat(report.profitFactor()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        });
    }

    @Test
    @DisplayName("closed trades, wins and losses are the sums over the buckets (seed 408, 300 cases)")
    void countsAreSums() {
        RandomCases.check(408, CASES, r -> {
            Period p = period(r);

            long closed = p.buckets().stream().mapToLong(Bucket::closedTrades).sum();
            long wins = p.buckets().stream().mapToLong(Bucket::wins).sum();
            long losses = p.buckets().stream().mapToLong(Bucket::losses).sum();

            PerformanceReport report = p.compute();

            assertThat(report.closedTrades()).isEqualTo(closed);
            assertThat(report.wins()).isEqualTo(wins);
            assertThat(report.losses()).isEqualTo(losses);
        });
    }

    @Test
    @DisplayName("the same buckets always give the same report (seed 409, 300 cases)")
    void pure() {
        RandomCases.check(409, CASES, r -> {
            Period p = period(r);

            assertThat(p.compute()).isEqualTo(p.compute());
        });
    }

    /** 0–60 buckets, a quarter of them empty; starting equity 1,000 to 1,000,000; unrealized ±50,000. */
    private static Period period(RandomCases r) {
        List<Bucket> buckets = labelled(r.list(0, 60, () -> r.chance(0.25) ? Bucket.empty("x") : tradingBucket(r)));
        return new Period(buckets, r.decimal("1000", "1000000", 2), r.decimal("-50000", "50000", 2));
    }

    /** A bucket with at least one closed trade; gross profit only with winners, gross loss only with losers. */
    private static Bucket tradingBucket(RandomCases r) {
        int w;
        int l;
        int even;
        do {
            w = r.intBetween(0, 6);
            l = r.intBetween(0, 6);
            even = r.intBetween(0, 2);
        } while (w + l + even == 0);
        BigDecimal profit = w == 0 ? BigDecimal.ZERO : r.decimal("0.01", "25000", 2);
        BigDecimal loss = l == 0 ? BigDecimal.ZERO : r.decimal("0.01", "25000", 2);
        BigDecimal fees = r.decimal("0", "100", 2);
        return new Bucket("x", profit.subtract(loss), fees, (long) w + l + even, w, l, profit, loss);
    }

    private static List<Bucket> labelled(List<Bucket> raw) {
        return IntStream.range(0, raw.size()).mapToObj(i -> {
            Bucket b = raw.get(i);
            return new Bucket(String.format("2026-01-01T%04d", i), b.realizedPnl(), b.fees(), b.closedTrades(),
                    b.wins(), b.losses(), b.grossProfit(), b.grossLoss());
        }).toList();
    }

    private static BigDecimal sum(List<Bucket> buckets, Function<Bucket, BigDecimal> field) {
        return buckets.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    record Period(List<Bucket> buckets, BigDecimal startEquity, BigDecimal unrealized) {
        PerformanceReport compute() {
            return PerformanceCalculator.compute("30d", "day", buckets, startEquity, unrealized, 365);
        }
    }
}
