package com.nija.local.bench;

import com.nija.shared.account.TierCatalog;
import com.nija.shared.backtest.BacktestReport;
import com.nija.shared.backtest.BacktestResult;
import com.nija.shared.backtest.BacktestTrader;
import com.nija.shared.backtest.Backtester;
import com.nija.shared.marketdata.Candle;
import com.nija.shared.strategy.ApexParameters;
import com.nija.shared.strategy.ApexStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bench backtest}: {@code days} of 5-minute candles for {@code symbols} markets (a year of 10: about a million
 * candles), generated in memory, through the whole backtest — APEX on every candle of every market, the engine's rules
 * on every signal, the account marked at every close — then its report written to a temporary directory. Target: the
 * backtest of a year of 10 markets in ≤ 60 s on 2 cores.
 */
public final class BacktestBenchmark {
    private BacktestBenchmark() {}

    public static int run(int symbols, int days, int runs) throws Exception {
        System.out.printf("bench backtest: %d markets × %d days of 5m candles, %d run(s); cores %d, max heap %d MiB, "
                        + "load %s%n", symbols, days, runs, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, Machine.loadAverage());
        long t0 = System.nanoTime();
        Map<String, List<Candle>> candles = new LinkedHashMap<>();
        long count = 0;
        for (int i = 0; i < symbols; i++) {
            List<Candle> list = BenchMarkets.fiveMinute(i, days * 1440);
            candles.put(BenchMarkets.symbol(i), list);
            count += list.size();
        }
        System.out.printf("generated %,d candles in %.1f s (not part of the figure below)%n", count, secs(t0));
        ApexStrategy apex = new ApexStrategy(ApexParameters.load());
        BacktestTrader trader = BacktestTrader.newTrader(new TierCatalog());
        java.time.Instant from = BenchMarkets.START;
        java.time.Instant to = from.plus(java.time.Duration.ofDays(days));
        BacktestResult result = null;
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            long cpu = Machine.processCpuNanos();
            result = new Backtester(apex, trader).run(candles, from, to);
            double s = secs(start);
            double cpuSeconds = (Machine.processCpuNanos() - cpu) / 1e9;
            System.out.printf("run %d: backtest %.1f s wall, %.1f s CPU (%,.0f candles/s) — %,d signals, %,d positions "
                            + "opened, %,d fills, end equity %s; load %s%n", run, s, cpuSeconds, result.candles() / s,
                    result.signals(), result.entries(), result.trades().size(), result.performance().endEquity(),
                    Machine.loadAverage());
        }
        Path dir = Files.createTempDirectory("nija-bench-backtest");
        long write = System.nanoTime();
        BacktestReport.write(result, dir);
        System.out.printf("report written in %.1f s (%,d equity rows, %,d fills)%n", secs(write),
                result.equity().size(), result.trades().size());
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return 0;
    }


    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
