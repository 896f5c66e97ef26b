package com.nija.shared.data;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The paper broker's own book (the "exchange side"), keyed by client order id so placing twice is idempotent
 * and a retry can look an order up. Resting limit orders carry {@code gsi1pk = RESTING#<symbol>}.
 */
public record PaperOrderItem(String pk, String sk, String clientOrderId, String userId, String symbol, String side,
                             String orderType, BigDecimal quantity, BigDecimal limitPrice, String status,
                             BigDecimal price, BigDecimal fee, Instant filledAt, Instant createdAt,
                             String gsi1pk, String gsi1sk, Long expiresAt) {}
