package com.nija.shared.trading;

import java.util.List;

/** One page of trade history, newest first; {@code nextCursor} is null on the last page. */
public record TradesPage(List<TradeView> trades, String nextCursor) {}
