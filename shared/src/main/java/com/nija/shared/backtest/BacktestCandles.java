package com.nija.shared.backtest;

import com.nija.shared.marketdata.Candle;
import com.nija.shared.marketdata.CandleFiles;
import com.nija.shared.marketdata.CandleInterval;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The candles a backtest plays, read from candle files ({@link CandleFiles}): each market's candles opened before
 * {@code to}, from {@code warmup} candles before {@code from} on (APEX's warm-up, so it can decide from the first
 * candle of the range). A null bound reads to that end of the file.
 */
public final class BacktestCandles {
    private BacktestCandles() {}

    public static Map<String, List<Candle>> read(Path dir, List<String> symbols, CandleInterval interval, Instant from,
                                                 Instant to, int warmup) {
        Map<String, List<Candle>> out = new LinkedHashMap<>();
        for (String symbol : symbols) {
            Deque<Candle> before = new ArrayDeque<>(warmup + 1);
            List<Candle> candles = new ArrayList<>();
            try (Stream<Candle> file = CandleFiles.stream(CandleFiles.forSymbol(dir, symbol, interval))) {
                for (Iterator<Candle> it = file.iterator(); it.hasNext(); ) {
                    Candle c = it.next();
                    if (to != null && !c.openTime().isBefore(to)) break;
                    if (from != null && c.openTime().isBefore(from)) {
                        before.addLast(c);
                        if (before.size() > warmup) before.removeFirst();
                    } else {
                        candles.add(c);
                    }
                }
            }
            List<Candle> all = new ArrayList<>(before.size() + candles.size());
            all.addAll(before);
            all.addAll(candles);
            out.put(symbol, all);
        }
        return out;
    }

    /** The first open time among {@code candles} that is not before {@code from} (null: any), or null if none. */
    public static Instant firstOpen(Map<String, List<Candle>> candles, Instant from) {
        Instant first = null;
        for (List<Candle> list : candles.values()) {
            for (Candle c : list) {
                if (from != null && c.openTime().isBefore(from)) continue;
                if (first == null || c.openTime().isBefore(first)) first = c.openTime();
                break;
            }
        }
        return first;
    }

    /** The close time of the newest candle among {@code candles}, or null if there are none. */
    public static Instant lastClose(Map<String, List<Candle>> candles, CandleInterval interval) {
        Instant last = null;
        for (List<Candle> list : candles.values()) {
            if (list.isEmpty()) continue;
            Instant close = list.get(list.size() - 1).closeTime(interval);
            if (last == null || close.isAfter(last)) last = close;
        }
        return last;
    }
}
