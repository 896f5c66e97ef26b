package com.nija.shared.venues.binance;

import java.math.BigDecimal;

/** One execution of an order: a {@code fills[]} entry of a FULL order answer, or a {@code GET /api/v3/myTrades} row. */
record BinanceTrade(BigDecimal price, BigDecimal qty, BigDecimal commission, String commissionAsset) {}
