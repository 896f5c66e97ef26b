package com.nija.shared.data;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position. {@code gsi1pk = OPEN#<symbol>} only while open (sparse index for stop-loss/take-profit sweeps).
 * {@code fees} are all fees paid on it (entry and exit); {@code realizedPnl} is net of them once closed.
 * {@code venue}: the live venue it was opened on, where its close goes; absent for paper positions (old items included).
 * {@code closeRound}: how many partial closes reduced it (absent = none); each round's close has its own order id.
 */
public record PositionItem(String pk, String sk, String positionId, String userId, String symbol, String side,
                           BigDecimal quantity, BigDecimal entryPrice, String status, Instant openedAt,
                           Instant closedAt, BigDecimal exitPrice, BigDecimal realizedPnl, BigDecimal fees,
                           BigDecimal stopLoss, BigDecimal takeProfit, String gsi1pk, String gsi1sk,
                           Long expiresAt, Long version, String venue, Integer closeRound) {}
