package com.nija.shared.data;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order and what became of it. Its id is a hash of (signal id, trader), and it is written with a condition
 * before the broker is called, so a retried or duplicated message can never place a second order.
 * {@code status}: PENDING → FILLED, or REFUSED (risk), FAILED (broker). {@code intent}: OPEN or CLOSE.
 * Resting limit orders carry {@code gsi1pk = RESTING#<symbol>} so a price update finds them.
 */
public record OrderItem(String pk, String sk, String orderId, String userId, String signalId, String source,
                        String strategy, String symbol, String side, String intent, String positionId,
                        String orderType, BigDecimal limitPrice, BigDecimal quantity, BigDecimal notional,
                        BigDecimal stopLoss, BigDecimal takeProfit, String status, String reason,
                        BigDecimal fillPrice, BigDecimal fee, Instant filledAt, Instant createdAt,
                        String gsi1pk, String gsi1sk, Long expiresAt, Long version) {}
