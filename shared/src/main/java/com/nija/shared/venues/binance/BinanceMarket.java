package com.nija.shared.venues.binance;

import com.nija.shared.venues.VenueRules;

/** A Binance spot market from {@code GET /api/v3/exchangeInfo}: its assets and its order rules (filters). */
record BinanceMarket(String symbol, String baseAsset, String quoteAsset, VenueRules rules) {}
