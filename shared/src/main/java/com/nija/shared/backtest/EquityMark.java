package com.nija.shared.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/** The account at one candle close: cash, equity with open positions at the closes, and how many were open. */
public record EquityMark(Instant at, BigDecimal cash, BigDecimal equity, int openPositions) {}
