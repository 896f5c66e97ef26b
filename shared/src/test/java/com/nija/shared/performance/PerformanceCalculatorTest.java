package com.nija.shared.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Performance figures from roll-up buckets, with hand-computed numbers")
class PerformanceCalculatorTest {
    private static final int DAYS_PER_YEAR = 365;
    private static final int HOURS_PER_YEAR = 8760;

    @Nested
    @DisplayName("drawdown")
    class Drawdown {
        @Test
        @DisplayName("a fall from 1,250 back to 1,000 is a drawdown of 250 dollars, exactly 20% of the peak")
        void twentyPercentFromPeak() {
            List<Bucket> buckets = List.of(pnl("d1", "250.00"), pnl("d2", "-100.00"), pnl("d3", "-150.00"),
                    pnl("d4", "500.00"));

            PerformanceReport report = daily(buckets, "1000.00");

            assertThat(report.maxDrawdown()).isEqualByComparingTo("250.00");
            assertThat(report.maxDrawdownPct()).isEqualByComparingTo("0.20");
            assertThat(report.equityCurve()).extracting(EquityPoint::equity)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(bd("1250.00"), bd("1150.00"), bd("1000.00"), bd("1500.00"));
        }

        @Test
        @DisplayName("the drawdown percentage is measured from the highest equity, not from the start")
        void measuredFromPeakNotStart() {
            PerformanceReport report = daily(List.of(pnl("d1", "1000.00"), pnl("d2", "-500.00")), "1000.00");

            assertThat(report.maxDrawdown()).isEqualByComparingTo("500.00");
            assertThat(report.maxDrawdownPct()).isEqualByComparingTo("0.25");
        }

        @Test
        @DisplayName("the deepest of several drawdowns is reported, even when a later one is longer")
        void deepestOfSeveral() {
            List<Bucket> buckets = List.of(pnl("d1", "-300.00"), pnl("d2", "400.00"), pnl("d3", "-50.00"),
                    pnl("d4", "-50.00"), pnl("d5", "-50.00"));

            PerformanceReport report = daily(buckets, "1000.00");

            assertThat(report.maxDrawdown()).isEqualByComparingTo("300.00");
            assertThat(report.maxDrawdownPct()).isEqualByComparingTo("0.30");
        }

        @Test
        @DisplayName("losing more than the whole peak (possible with shorts) shows as a 100% drawdown, not more")
        void lossBeyondPeakIsCappedAtOneHundredPercent() {
            PerformanceReport report = daily(List.of(pnl("d1", "-150.00")), "100.00");

            assertThat(report.maxDrawdown()).isEqualByComparingTo("150.00");
            assertThat(report.maxDrawdownPct()).isEqualByComparingTo("1");
            assertThat(report.endEquity()).isEqualByComparingTo("-50.00");
        }

        @Test
        @DisplayName("a period that only gains has no drawdown")
        void onlyGainsNoDrawdown() {
            PerformanceReport report = daily(List.of(pnl("d1", "10.00"), pnl("d2", "20.00")), "1000.00");

            assertThat(report.maxDrawdown()).isEqualByComparingTo("0");
            assertThat(report.maxDrawdownPct()).isEqualByComparingTo("0");
        }
    }

    @Nested
    @DisplayName("trade statistics")
    class TradeStatistics {
        @Test
        @DisplayName("3 winners of 600 and 1 loser of 300: win rate 75%, profit factor 2, average win 200, loss 300")
        void winRateProfitFactorAverages() {
            List<Bucket> buckets = List.of(
                    new Bucket("d1", bd("100.00"), bd("4.00"), 2, 1, 1, bd("400.00"), bd("300.00")),
                    new Bucket("d2", bd("200.00"), bd("2.50"), 2, 2, 0, bd("200.00"), bd("0")));

            PerformanceReport report = daily(buckets, "10000.00");

            assertThat(report.closedTrades()).isEqualTo(4);
            assertThat(report.wins()).isEqualTo(3);
            assertThat(report.losses()).isEqualTo(1);
            assertThat(report.winRate()).isEqualByComparingTo("0.75");
            assertThat(report.profitFactor()).isEqualByComparingTo("2");
            assertThat(report.averageWin()).isEqualByComparingTo("200.00");
            assertThat(report.averageLoss()).isEqualByComparingTo("300.00");
            assertThat(report.fees()).isEqualByComparingTo("6.50");
        }

        @Test
        @DisplayName("expectancy is realized P&L per closed trade: 300 over 4 trades is 75 a trade")
        void expectancyIsRealizedPerTrade() {
            List<Bucket> buckets = List.of(
                    new Bucket("d1", bd("100.00"), bd("0"), 2, 1, 1, bd("400.00"), bd("300.00")),
                    new Bucket("d2", bd("200.00"), bd("0"), 2, 2, 0, bd("200.00"), bd("0")));

            PerformanceReport report = daily(buckets, "10000.00");

            assertThat(report.expectancy()).isEqualByComparingTo("75.00");
        }

        @Test
        @DisplayName("expectancy is rounded to the cent: 100 over 3 trades is 33.33")
        void expectancyRoundsToCents() {
            PerformanceReport report = daily(List.of(
                    new Bucket("d1", bd("100.00"), bd("0"), 3, 3, 0, bd("100.00"), bd("0"))), "1000.00");

            assertThat(report.expectancy()).isEqualTo(bd("33.33"));
        }

        @Test
        @DisplayName("a break-even trade counts as closed but lowers the win rate: 1 win of 2 trades is 50%")
        void breakEvenCountsAsClosed() {
            PerformanceReport report = daily(List.of(
                    new Bucket("d1", bd("50.00"), bd("0"), 2, 1, 0, bd("50.00"), bd("0"))), "1000.00");

            assertThat(report.winRate()).isEqualByComparingTo("0.5");
            assertThat(report.averageLoss()).isNull();
        }

        @Test
        @DisplayName("without closed trades the ratios are shown as missing, never as zero")
        void noTradesNoRatios() {
            PerformanceReport report = daily(List.of(Bucket.empty("d1"), Bucket.empty("d2")), "1000.00");

            assertThat(report.winRate()).isNull();
            assertThat(report.profitFactor()).isNull();
            assertThat(report.averageWin()).isNull();
            assertThat(report.averageLoss()).isNull();
            assertThat(report.expectancy()).isNull();
            assertThat(report.closedTrades()).isZero();
        }

        @Test
        @DisplayName("with winners but no losers the profit factor is missing rather than infinite")
        void noLossesNoProfitFactor() {
            PerformanceReport report = daily(List.of(pnl("d1", "80.00"), pnl("d2", "20.00")), "1000.00");

            assertThat(report.profitFactor()).isNull();
            assertThat(report.winRate()).isEqualByComparingTo("1");
        }
    }

    @Nested
    @DisplayName("equity and P&L totals")
    class Totals {
        @Test
        @DisplayName("end equity adds realized and unrealized P&L to the starting equity")
        void endEquityIncludesUnrealized() {
            PerformanceReport report = PerformanceCalculator.compute("7d", "day",
                    List.of(pnl("d1", "120.50"), pnl("d2", "-20.25")), bd("5000.00"), bd("-40.10"), DAYS_PER_YEAR);

            assertThat(report.realizedPnl()).isEqualTo(bd("100.25"));
            assertThat(report.unrealizedPnl()).isEqualTo(bd("-40.10"));
            assertThat(report.totalPnl()).isEqualTo(bd("60.15"));
            assertThat(report.startEquity()).isEqualTo(bd("5000.00"));
            assertThat(report.endEquity()).isEqualTo(bd("5060.15"));
        }

        @Test
        @DisplayName("the chart's last point shows equity on a realized basis, without open positions")
        void curveIsRealizedBasis() {
            PerformanceReport report = PerformanceCalculator.compute("7d", "day",
                    List.of(pnl("d1", "10.00")), bd("1000.00"), bd("500.00"), DAYS_PER_YEAR);

            assertThat(report.equityCurve()).singleElement().satisfies(p -> {
                assertThat(p.t()).isEqualTo("d1");
                assertThat(p.equity()).isEqualTo(bd("1010.00"));
                assertThat(p.pnl()).isEqualTo(bd("10.00"));
            });
        }

        @Test
        @DisplayName("the report names the first and last bucket of the period")
        void fromAndTo() {
            PerformanceReport report = daily(List.of(Bucket.empty("2026-11-01"), Bucket.empty("2026-11-02"),
                    Bucket.empty("2026-11-03")), "1000.00");

            assertThat(report.from()).isEqualTo("2026-11-01");
            assertThat(report.to()).isEqualTo("2026-11-03");
            assertThat(report.period()).isEqualTo("7d");
            assertThat(report.granularity()).isEqualTo("day");
        }

        @Test
        @DisplayName("an empty period has no dates, no chart and equity unchanged apart from open positions")
        void emptyPeriod() {
            PerformanceReport report = PerformanceCalculator.compute("all", "day", List.of(), bd("1000.00"),
                    bd("12.34"), DAYS_PER_YEAR);

            assertThat(report.from()).isNull();
            assertThat(report.to()).isNull();
            assertThat(report.equityCurve()).isEmpty();
            assertThat(report.endEquity()).isEqualTo(bd("1012.34"));
            assertThat(report.sharpe()).isNull();
        }
    }

    @Nested
    @DisplayName("Sharpe and Sortino ratios")
    class Ratios {
        @Test
        @DisplayName("Sharpe is missing with fewer than two buckets")
        void sharpeNeedsTwoBuckets() {
            assertThat(daily(List.of(), "1000.00").sharpe()).isNull();
            assertThat(daily(List.of(pnl("d1", "100.00")), "1000.00").sharpe()).isNull();
            assertThat(daily(List.of(pnl("d1", "100.00")), "1000.00").sortino()).isNull();
        }

        @Test
        @DisplayName("Sharpe is missing when every bucket returns the same 10% (no variation to divide by)")
        void sharpeMissingForConstantReturns() {
            List<Bucket> tenPercentEachDay = List.of(pnl("d1", "100.00"), pnl("d2", "110.00"), pnl("d3", "121.00"));

            PerformanceReport report = daily(tenPercentEachDay, "1000.00");

            assertThat(report.sharpe()).isNull();
        }

        @Test
        @DisplayName("Sharpe is missing for a period with no P&L at all")
        void sharpeMissingForFlatPeriod() {
            PerformanceReport report = daily(List.of(Bucket.empty("d1"), Bucket.empty("d2"), Bucket.empty("d3")),
                    "1000.00");

            assertThat(report.sharpe()).isNull();
            assertThat(report.sortino()).isNull();
        }

        @Test
        @DisplayName("daily returns of 10% then 30% give an annualized Sharpe of √730 ≈ 27.0185")
        void sharpeKnownValueDaily() {
            PerformanceReport report = daily(List.of(pnl("d1", "100.00"), pnl("d2", "330.00")), "1000.00");

            assertThat(report.sharpe()).isEqualByComparingTo("27.0185");
        }

        @Test
        @DisplayName("the same returns per hour annualize by √8760: Sharpe √17520 ≈ 132.3631")
        void sharpeKnownValueHourly() {
            PerformanceReport report = PerformanceCalculator.compute("1d", "hour",
                    List.of(pnl("h1", "100.00"), pnl("h2", "330.00")), bd("1000.00"), BigDecimal.ZERO, HOURS_PER_YEAR);

            assertThat(report.sharpe()).isEqualByComparingTo("132.3631");
        }

        @Test
        @DisplayName("Sharpe is positive when the average return is positive, negative when it is negative")
        void sharpeSignFollowsMeanReturn() {
            PerformanceReport mostlyUp = daily(List.of(pnl("d1", "100.00"), pnl("d2", "-50.00"), pnl("d3", "100.00")),
                    "1000.00");
            PerformanceReport mostlyDown = daily(
                    List.of(pnl("d1", "-100.00"), pnl("d2", "50.00"), pnl("d3", "-100.00")), "1000.00");

            assertThat(mostlyUp.sharpe()).isPositive();
            assertThat(mostlyDown.sharpe()).isNegative();
        }

        @Test
        @DisplayName("+100, −50, +100 on 1,000 gives Sharpe 11.5428 and Sortino 29.6775")
        void sharpeAndSortinoKnownValues() {
            PerformanceReport report = daily(List.of(pnl("d1", "100.00"), pnl("d2", "-50.00"), pnl("d3", "100.00")),
                    "1000.00");

            assertThat(report.sharpe()).isEqualByComparingTo("11.5428");
            assertThat(report.sortino()).isEqualByComparingTo("29.6775");
        }

        @Test
        @DisplayName("Sortino is missing when no bucket lost money, since there is no downside to measure")
        void sortinoMissingWithoutLosses() {
            PerformanceReport report = daily(List.of(pnl("d1", "100.00"), pnl("d2", "330.00")), "1000.00");

            assertThat(report.sortino()).isNull();
        }
    }

    private static PerformanceReport daily(List<Bucket> buckets, String startEquity) {
        return PerformanceCalculator.compute("7d", "day", buckets, bd(startEquity), BigDecimal.ZERO, DAYS_PER_YEAR);
    }

    /** A bucket with one trade that made {@code amount} (none when it is zero). */
    static Bucket pnl(String label, String amount) {
        BigDecimal value = bd(amount);
        int sign = value.signum();
        return new Bucket(label, value, BigDecimal.ZERO, sign == 0 ? 0 : 1, sign > 0 ? 1 : 0, sign < 0 ? 1 : 0,
                sign > 0 ? value : BigDecimal.ZERO, sign < 0 ? value.negate() : BigDecimal.ZERO);
    }

    static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
