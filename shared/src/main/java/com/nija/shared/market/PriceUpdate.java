package com.nija.shared.market;

import java.math.BigDecimal;
import java.time.Instant;

/** One market price observation. */
public record PriceUpdate(String symbol, BigDecimal price, Instant at) {}
