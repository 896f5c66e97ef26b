package com.nija.local.bench;

import com.nija.shared.marketdata.Candle;
import com.nija.shared.strategy.ApexDecision;
import com.nija.shared.strategy.ApexParameters;
import com.nija.shared.strategy.ApexStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bench apex-scan}: what the scheduled scan computes for {@code markets} markets on one candle close — APEX on
 * each market's latest candles (the warm-up plus the scan's extra history, as {@code ApexScanService} reads them) —
 * timed from a fresh JVM's first scan (what a cold function pays) and over the following ones. Target: 100 markets in
 * ≤ 5 s. The scan's candle reads and signal sends are I/O per market, measured by the read and signal benches.
 */
public final class ApexScanBenchmark {
    /** {@code ApexScanService} reads the warm-up plus 60 candles per market. */
    private static final int EXTRA_HISTORY = 60;

    private ApexScanBenchmark() {}

    public static int run(int markets, int runs) {
        ApexStrategy apex = new ApexStrategy(ApexParameters.load());
        int window = apex.parameters().warmupCandles() + EXTRA_HISTORY;
        List<List<Candle>> latest = new ArrayList<>();
        for (int i = 0; i < markets; i++) {
            List<Candle> candles = BenchMarkets.fiveMinute(i, (window + 1) * 5);
            latest.add(candles.subList(candles.size() - window, candles.size()));
        }
        System.out.printf("bench apex-scan: %d markets × %d candles; cores %d, load %s%n", markets, window,
                Runtime.getRuntime().availableProcessors(), Machine.loadAverage());
        double[] seconds = new double[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            int signals = 0;
            for (int i = 0; i < markets; i++) {
                ApexDecision d = apex.evaluate(BenchMarkets.symbol(i), latest.get(i));
                if (d.action() != ApexDecision.Action.NONE) signals++;
            }
            seconds[run] = (System.nanoTime() - start) / 1e9;
            System.out.printf("scan %d%s: %.3f s (%.2f ms a market), %d signals%n", run + 1,
                    run == 0 ? " (fresh JVM)" : "", seconds[run], seconds[run] * 1000 / markets, signals);
        }
        if (runs > 1) {
            double[] warm = Arrays.copyOfRange(seconds, 1, runs);
            Arrays.sort(warm);
            System.out.printf("after the first: median %.3f s, worst %.3f s; load %s%n", warm[warm.length / 2],
                    warm[warm.length - 1], Machine.loadAverage());
        }
        return 0;
    }
}
