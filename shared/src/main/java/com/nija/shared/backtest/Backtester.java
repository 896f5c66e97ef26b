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
        candles.forEach((symbol, list) -> markets.add(new Market(symbol, list, strategy.series(symbol))));
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
                Candle c = m.take();
                m.series.add(c);
                if (!trading) continue;
                played++;
                if (account.holds(m.symbol)) account.bar(m.symbol, c, close, m.series.atr());
                account.price(m.symbol, c.close());
            }
            if (!trading) continue;
            if (first == null) first = close;
            last = close;
            for (Market m : now) {
                ApexDecision d = m.series.signal();
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

    /** One market's candles and APEX's series over them, read in order. */
    private static final class Market {
        final String symbol;
        final List<Candle> candles;
        final ApexStrategy.Series series;
        int next;

        Market(String symbol, List<Candle> candles, ApexStrategy.Series series) {
            this.symbol = symbol;
            this.candles = candles;
            this.series = series;
        }

        Instant nextOpen(Instant to) {
            if (next >= candles.size()) return null;
            Instant open = candles.get(next).openTime();
            return open.isBefore(to) ? open : null;
        }

        Candle take() {
            Candle c = candles.get(next++);
            if (next < candles.size() && !candles.get(next).openTime().isAfter(c.openTime())) {
                throw new IllegalArgumentException("candles of " + symbol + " are not in time order at " + c.openTime());
            }
            return c;
        }
    }
}
