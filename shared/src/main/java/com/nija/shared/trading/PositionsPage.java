package com.nija.shared.trading;

import java.util.List;

/** One page of closed positions; {@code nextCursor} is null on the last page. */
public record PositionsPage(List<PositionView> positions, String nextCursor) {}
