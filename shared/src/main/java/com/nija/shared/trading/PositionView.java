package com.nija.shared.trading;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position as a trader sees it: open ones valued at the latest price, closed ones with their realized P&L;
 * {@code venue} names the live venue it was opened at (absent for paper positions).
 */
public record PositionView(String positionId, String symbol, String side, BigDecimal quantity, BigDecimal entryPrice,
                           String status, Instant openedAt, Instant closedAt, BigDecimal exitPrice,
                           BigDecimal currentPrice, BigDecimal marketValue, BigDecimal unrealizedPnl,
                           BigDecimal unrealizedPnlPct, BigDecimal realizedPnl, BigDecimal fees,
                           BigDecimal stopLoss, BigDecimal takeProfit, String venue) {}
