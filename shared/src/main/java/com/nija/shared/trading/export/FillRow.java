package com.nija.shared.trading.export;

import java.math.BigDecimal;
import java.time.Instant;

/** One fill with the columns a tax return asks for; money exactly as stored. {@code venue} is {@code paper} for paper fills. */
public record FillRow(Instant time, String symbol, String side, BigDecimal quantity, BigDecimal price, BigDecimal fee,
                      BigDecimal realizedPnl, String venue, String orderId) {}
