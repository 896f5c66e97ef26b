package com.nija.shared.performance;

import java.math.BigDecimal;

/** Equity (realized basis) at the end of a bucket, and that bucket's P&L: one point of the chart. */
public record EquityPoint(String t, BigDecimal equity, BigDecimal pnl) {}
