package com.nija.shared.backtest;

import com.nija.shared.marketdata.Candle;
import com.nija.shared.marketdata.CandleInterval;
import com.nija.shared.strategy.ApexDecision;
import com.nija.shared.strategy.ApexStrategy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs APEX over stored candles the way the platform runs it live: at every candle close the scan's decision for each
 * market (the same {@link ApexStrategy} code) becomes a signal to the trader's {@link BacktestAccount}, which applies
 * the engine's rules. Markets advance together in time: at each close, first every market's candle is played against
 * the open positions (their stops and take-profit rungs are reached inside the candle), then the decisions are taken
 * in the order the markets were given, then the account is marked.
 *
 * <p>Candles before {@code from} only warm the indicators up (APEX needs {@code warmupCandles} of history before it
 * decides anything); candles opened at or after {@code to} are not read.
 */
public final class Backtester {
    private final ApexStrategy strategy;
    private final BacktestTrader trader;

    public Backtester(ApexStrategy strategy, BacktestTrader trader) {
        this.strategy = strategy;
        this.trader = trader;
    }

    /**
     * @param candles each market's candles of the strategy's interval, oldest first, keyed in the order to decide in
     */
    public BacktestResult run(Map<String, List<Candle>> candles, Instant from, Instant to) {
        if (!from.isBefore(to)) throw new IllegalArgumentException("from must be before to");
        CandleInterval interval = strategy.parameters().candleInterval();
        BacktestAccount account = new BacktestAccount(trader, strategy);
        List<Market> markets = new ArrayList<>();
        candles.forEach((symbol, list) -> markets.add(new Market(symbol, list)));
        // APEX's judgement of a market depends on its candles only, never on the account: every market's decisions
        // are taken first, side by side on the cores, and the account then replays them in time order.
        markets.parallelStream().forEach(m -> m.decide(strategy, from, to));
        List<Market> now = new ArrayList<>(markets.size());
        long played = 0;
        Instant first = null;
        Instant last = null;
        while (true) {
            Instant open = null;
            for (Market m : markets) {
                Instant next = m.nextOpen(to);
                if (next != null && (open == null || next.isBefore(open))) open = next;
            }
            if (open == null) break;
            now.clear();
            for (Market m : markets) if (open.equals(m.nextOpen(to))) now.add(m);
            Instant close = open.plus(interval.length());
            boolean trading = !open.isBefore(from);
            for (Market m : now) {
                int i = m.next++;
                if (!trading) continue;
                played++;
                Candle c = m.candles.get(i);
                if (account.holds(m.symbol)) account.bar(m.symbol, c, close, m.atr[i]);
                account.price(m.symbol, c.close());
            }
            if (!trading) continue;
            if (first == null) first = close;
            last = close;
            for (Market m : now) {
                ApexDecision d = m.decisions.get(m.next - 1);
                if (d != null) account.signal(d, close);
            }
            account.mark(close);
        }
        LocalDate firstDay = LocalDate.ofInstant(first == null ? from : first, ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(last == null ? from : last, ZoneOffset.UTC);
        return new BacktestResult(List.copyOf(candles.keySet()), strategy.parameters().version(), first, last, played,
                account.signals(), account.entries(), new LinkedHashMap<>(account.refusals()),
                account.performance(firstDay, lastDay), account.trades(), account.marks(), trader);
    }

    /** One market's candles, APEX's decision on each (null: nothing to do) and its ATR, read in order. */
    private static final class Market {
        final String symbol;
        final List<Candle> candles;
        final Map<Integer, ApexDecision> decisions = new java.util.HashMap<>();
        final double[] atr;
        int next;

        Market(String symbol, List<Candle> candles) {
            this.symbol = symbol;
            this.candles = candles;
            this.atr = new double[candles.size()];
        }

        /** Feeds every candle opened before {@code to} to one APEX series; decisions only from {@code from} on. */
        void decide(ApexStrategy strategy, Instant from, Instant to) {
            ApexStrategy.Series series = strategy.series(symbol);
            Instant previous = null;
            for (int i = 0; i < candles.size(); i++) {
                Candle c = candles.get(i);
                if (!c.openTime().isBefore(to)) break;
                if (previous != null && !c.openTime().isAfter(previous)) {
                    throw new IllegalArgumentException("candles of " + symbol + " are not in time order at "
                            + c.openTime());
                }
                previous = c.openTime();
                series.add(c);
                if (c.openTime().isBefore(from)) continue;
                atr[i] = series.atr();
                ApexDecision d = series.signal();
                if (d != null) decisions.put(i, d);
            }
        }

        Instant nextOpen(Instant to) {
            if (next >= candles.size()) return null;
            Instant open = candles.get(next).openTime();
            return open.isBefore(to) ? open : null;
        }
    }
}
