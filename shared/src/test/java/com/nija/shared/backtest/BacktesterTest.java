package com.nija.shared.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.account.TierCatalog;
import com.nija.shared.marketdata.Candle;
import com.nija.shared.marketdata.CandleInterval;
import com.nija.shared.performance.Bucket;
import com.nija.shared.performance.PerformanceCalculator;
import com.nija.shared.performance.PerformanceReport;
import com.nija.shared.strategy.ApexParameters;
import com.nija.shared.strategy.ApexStrategy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole backtest over the demo's committed candles (events/market), checked against the trades it reports. */
class BacktesterTest {
    private static final ApexStrategy APEX = new ApexStrategy(ApexParameters.load());
    private static final Path DEMO = Path.of("..", "events", "market");

    private static BacktestResult runDemo() {
        Map<String, List<Candle>> candles = BacktestCandles.read(DEMO, List.of("BTC-USD", "ETH-USD", "SOL-USD"),
                CandleInterval.FIVE_MINUTES, null, null, APEX.parameters().warmupCandles());
        Instant from = BacktestCandles.firstOpen(candles, null);
        Instant to = BacktestCandles.lastClose(candles, CandleInterval.FIVE_MINUTES);
        return new Backtester(APEX, BacktestTrader.newTrader(new TierCatalog())).run(candles, from, to);
    }

    @Test
    @DisplayName("the performance figures are PerformanceCalculator's over day buckets rebuilt from the fills")
    void metricsAreTheCalculatorsOverTheFills() {
        BacktestResult r = runDemo();
        assertThat(r.entries()).as("the demo candles make APEX trade").isPositive();

        // Each close counts, as the roll-ups do, its net P&L and its fees: its exit fee plus its share of the entry fee
        // (by quantity; the position's last close takes what is left of it).
        Map<String, BigDecimal> entryFee = new HashMap<>();
        Map<String, BigDecimal> openingQty = new HashMap<>();
        Map<String, BigDecimal> entryFeeLeft = new HashMap<>();
        Map<String, BigDecimal> qtyLeft = new HashMap<>();
        TreeMap<LocalDate, Bucket> days = new TreeMap<>();
        for (BacktestTrade t : r.trades()) {
            String id = t.positionId();
            if (t.realizedPnl() == null) {
                entryFee.put(id, t.fee());
                openingQty.put(id, t.quantity());
                entryFeeLeft.put(id, t.fee());
                qtyLeft.put(id, t.quantity());
                continue;
            }
            boolean last = t.quantity().compareTo(qtyLeft.get(id)) >= 0;
            BigDecimal share = last ? entryFeeLeft.get(id)
                    : entryFeeLeft.get(id).multiply(t.quantity()).divide(qtyLeft.get(id), 10, RoundingMode.HALF_EVEN);
            entryFeeLeft.put(id, entryFeeLeft.get(id).subtract(share));
            qtyLeft.put(id, qtyLeft.get(id).subtract(t.quantity()));
            LocalDate day = LocalDate.ofInstant(t.at(), ZoneOffset.UTC);
            days.put(day, days.getOrDefault(day, Bucket.empty(day.toString())).plusClose(t.realizedPnl(),
                    share.add(t.fee())));
        }
        LocalDate first = LocalDate.ofInstant(r.firstClose(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(r.lastClose(), ZoneOffset.UTC);
        List<Bucket> buckets = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            buckets.add(days.getOrDefault(d, Bucket.empty(d.toString())));
        }
        EquityMark end = r.equity().get(r.equity().size() - 1);
        BigDecimal realized = days.values().stream().map(Bucket::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unrealized = end.equity().subtract(new BigDecimal("10000")).subtract(realized);

        PerformanceReport expected = PerformanceCalculator.compute("all", "day", buckets, new BigDecimal("10000.00"),
                unrealized, 365);

        assertThat(r.performance()).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo,
                BigDecimal.class).isEqualTo(expected);
        assertThat(r.performance().endEquity()).isEqualByComparingTo(end.equity().setScale(2, RoundingMode.HALF_EVEN));
        assertThat(r.performance().closedTrades()).isEqualTo(r.trades().stream().filter(t -> t.realizedPnl() != null).count());
    }

    @Test
    @DisplayName("no fill happens outside the range, and every position's closes add up to its opening size")
    void rangeAndSizes() {
        BacktestResult r = runDemo();
        Map<String, BigDecimal> left = new HashMap<>();
        for (BacktestTrade t : r.trades()) {
            assertThat(t.at()).isBetween(r.firstClose(), r.lastClose());
            if (t.realizedPnl() == null) left.put(t.positionId(), t.quantity());
            else left.merge(t.positionId(), t.quantity().negate(), BigDecimal::add);
        }
        assertThat(left.values()).allSatisfy(q -> assertThat(q.signum()).isGreaterThanOrEqualTo(0));
        long stillOpen = left.values().stream().filter(q -> q.signum() > 0).count();
        assertThat(stillOpen).isEqualTo(r.equity().get(r.equity().size() - 1).openPositions());
    }

    @Test
    @DisplayName("the report files: equity CSV with a row per close, trades CSV, the API's JSON, one HTML page with no external resource")
    void reportFiles(@TempDir Path dir) throws Exception {
        BacktestResult r = runDemo();

        BacktestReport.write(r, dir);

        assertThat(Files.readAllLines(dir.resolve(BacktestReport.EQUITY_CSV))).hasSize(r.equity().size() + 1)
                .first().isEqualTo("time,cash,equity,openPositions");
        assertThat(Files.readAllLines(dir.resolve(BacktestReport.TRADES_CSV))).hasSize(r.trades().size() + 1);
        assertThat(Files.readString(dir.resolve(BacktestReport.PERFORMANCE_JSON))).contains("\"sharpe\"", "\"equityCurve\"");
        String html = Files.readString(dir.resolve(BacktestReport.HTML));
        assertThat(html).contains("<svg", "<polyline", "target1", r.performance().endEquity().toPlainString())
                .doesNotContain("src=", "href=", "@import", "url(");
        assertThat(BacktestReport.summary(r)).contains("endEquity", "sharpe", "positions opened");
    }
}
