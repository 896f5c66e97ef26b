package com.nija.shared.data;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One fill. {@code realizedPnl} is set on fills that close (part of) a position, net of the round trip's fees.
 * {@code expiresAt} (epoch seconds) lets DynamoDB's TTL drop detail after 90 days (blueprint retention).
 */
public record TradeItem(String pk, String sk, String tradeId, String orderId, String positionId, String symbol,
                        String side, BigDecimal quantity, BigDecimal price, BigDecimal fee, BigDecimal realizedPnl,
                        Instant executedAt, Long expiresAt) {}
