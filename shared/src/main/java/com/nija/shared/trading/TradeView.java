package com.nija.shared.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One fill as the trade history shows it. */
public record TradeView(String tradeId, String orderId, String positionId, String symbol, String side,
                        BigDecimal quantity, BigDecimal price, BigDecimal fee, BigDecimal realizedPnl,
                        Instant executedAt) {
    /** Field names a client may pick with {@code fields=}. */
    public static final List<String> FIELDS = List.of("tradeId", "orderId", "positionId", "symbol", "side",
            "quantity", "price", "fee", "realizedPnl", "executedAt");
}
