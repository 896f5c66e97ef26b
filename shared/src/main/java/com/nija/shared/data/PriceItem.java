package com.nija.shared.data;

import java.math.BigDecimal;
import java.time.Instant;

/** Latest price of a symbol; the durable copy of what Redis serves hot. */
public record PriceItem(String pk, String sk, String symbol, BigDecimal price, Instant updatedAt) {}
