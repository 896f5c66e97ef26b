package com.nija.shared.admin;

import java.util.List;

/** One page of the trader directory, in id order; {@code nextCursor} null on the last page. */
public record TradersPage(List<TraderRow> items, String nextCursor) {}
