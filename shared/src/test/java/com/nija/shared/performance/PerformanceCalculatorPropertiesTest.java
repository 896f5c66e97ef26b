package com.nija.shared.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Invariants of the performance report over arbitrary periods: buckets whose wins and losses agree with
 * their P&L (gross profit only with winners, gross loss only with losers), starting equity 1,000 to 1,000,000.
 */
@Label("Performance report invariants")
class PerformanceCalculatorPropertiesTest {
    private static final int TRIES = 300;

    @Property(tries = TRIES)
    @Label("the win rate is a fraction between 0 and 1, and missing when nothing closed")
    void winRateIsAFraction(@ForAll("periods") Period p) {
        PerformanceReport report = p.compute();

        if (report.closedTrades() == 0) {
            assertThat(report.winRate()).isNull();
        } else {
            assertThat(report.winRate()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        }
    }

    @Property(tries = TRIES)
    @Label("the drawdown is never negative and its percentage lies between 0 and 1")
    void drawdownBounds(@ForAll("periods") Period p) {
        PerformanceReport report = p.compute();

        assertThat(report.maxDrawdown()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(report.maxDrawdownPct()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
    }

    @Property(tries = TRIES)
    @Label("the drawdown is the largest fall from any earlier equity to any later one")
    void drawdownIsLargestFall(@ForAll("periods") Period p) {
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
    }

    @Property(tries = TRIES)
    @Label("realized P&L is the exact sum of the buckets' P&L, and fees the sum of their fees")
    void realizedIsExactSum(@ForAll("periods") Period p) {
        BigDecimal sum = sum(p.buckets(), Bucket::realizedPnl);
        BigDecimal fees = sum(p.buckets(), Bucket::fees);

        PerformanceReport report = p.compute();

        assertThat(report.realizedPnl()).isEqualByComparingTo(sum);
        assertThat(report.fees()).isEqualByComparingTo(fees);
    }

    @Property(tries = TRIES)
    @Label("end equity is start plus realized plus unrealized P&L, to the cent")
    void endEquityAddsUp(@ForAll("periods") Period p) {
        BigDecimal expected = p.startEquity().add(sum(p.buckets(), Bucket::realizedPnl)).add(p.unrealized());

        PerformanceReport report = p.compute();

        assertThat(report.endEquity()).isEqualTo(expected.setScale(2));
        assertThat(report.totalPnl()).isEqualByComparingTo(report.realizedPnl().add(report.unrealizedPnl()));
    }

    @Property(tries = TRIES)
    @Label("the equity chart has one point per bucket, in order, ending at start plus realized P&L")
    void equityCurveOnePointPerBucket(@ForAll("periods") Period p) {
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
    }

    @Property(tries = TRIES)
    @Label("the profit factor is missing exactly when there was no gross loss")
    void profitFactorNullIffNoGrossLoss(@ForAll("periods") Period p) {
        BigDecimal grossLoss = sum(p.buckets(), Bucket::grossLoss);

        PerformanceReport report = p.compute();

        assertThat(report.profitFactor() == null).isEqualTo(grossLoss.signum() == 0);
        if (report.profitFactor() != null) assertThat(report.profitFactor()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    }

    @Property(tries = TRIES)
    @Label("closed trades, wins and losses are the sums over the buckets")
    void countsAreSums(@ForAll("periods") Period p) {
        long closed = p.buckets().stream().mapToLong(Bucket::closedTrades).sum();
        long wins = p.buckets().stream().mapToLong(Bucket::wins).sum();
        long losses = p.buckets().stream().mapToLong(Bucket::losses).sum();

        PerformanceReport report = p.compute();

        assertThat(report.closedTrades()).isEqualTo(closed);
        assertThat(report.wins()).isEqualTo(wins);
        assertThat(report.losses()).isEqualTo(losses);
    }

    @Property(tries = TRIES)
    @Label("the same buckets always give the same report")
    void pure(@ForAll("periods") Period p) {
        assertThat(p.compute()).isEqualTo(p.compute());
    }

    @Provide
    Arbitrary<Period> periods() {
        Arbitrary<List<Bucket>> buckets = Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just(Bucket.empty("x"))),
                        Tuple.of(3, tradingBuckets()))
                .list().ofMaxSize(60)
                .map(PerformanceCalculatorPropertiesTest::labelled);
        Arbitrary<BigDecimal> start = Arbitraries.bigDecimals()
                .between(new BigDecimal("1000"), new BigDecimal("1000000")).ofScale(2);
        Arbitrary<BigDecimal> unrealized = Arbitraries.bigDecimals()
                .between(new BigDecimal("-50000"), new BigDecimal("50000")).ofScale(2);
        return Combinators.combine(buckets, start, unrealized).as(Period::new);
    }

    /** A bucket with at least one closed trade; gross profit only with winners, gross loss only with losers. */
    private static Arbitrary<Bucket> tradingBuckets() {
        Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("25000")).ofScale(2);
        Arbitrary<BigDecimal> fees = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2);
        Arbitrary<Integer> count = Arbitraries.integers().between(0, 6);
        return Combinators.combine(count, count, Arbitraries.integers().between(0, 2), amount, amount, fees)
                .filter((w, l, even, gp, gl, f) -> w + l + even > 0)
                .as((w, l, even, gp, gl, f) -> {
                    BigDecimal profit = w == 0 ? BigDecimal.ZERO : gp;
                    BigDecimal loss = l == 0 ? BigDecimal.ZERO : gl;
                    return new Bucket("x", profit.subtract(loss), f, (long) w + l + even, w, l, profit, loss);
                });
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
