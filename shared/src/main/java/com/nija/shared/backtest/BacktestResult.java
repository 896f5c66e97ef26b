package com.nija.shared.backtest;

import com.nija.shared.performance.PerformanceReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a backtest did: the markets, the first and last candle close it traded on, how many candles it played, how
 * many signals APEX sent and how many opened a position, why the others placed nothing, the performance figures
 * (the same calculator as {@code GET /api/v1/performance}), every fill, and the account at every close.
 */
public record BacktestResult(List<String> symbols, String strategyVersion, Instant firstClose, Instant lastClose,
                             long candles, long signals, long entries, Map<String, Integer> refusals,
                             PerformanceReport performance, List<BacktestTrade> trades, List<EquityMark> equity,
                             BacktestTrader trader) {}
