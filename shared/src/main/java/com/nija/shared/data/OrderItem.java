package com.nija.shared.data;

import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order and what became of it, under the trader's partition. Its id is derived from what caused it (a signal and
 * the trader, or a position for a close), and the broker is asked first, with that id as its client order id; then
 * the order is written once, on condition that none with its id exists. A retried or duplicated message therefore
 * finds the broker's order by that id and records at most one order. {@code status}: FILLED or RESTING (→ FILLED or
 * CANCELLED) after the broker answered, REFUSED by the risk rules (no broker asked), FAILED at the broker; see
 * {@link OrderStatus}. {@code signalId}, {@code source} and {@code strategy}: the signal's, or for an order the engine
 * or a trader caused, the request's id and its trigger. Updates (resting → filled or cancelled) are conditional on
 * {@code version}.
 */
public record OrderItem(String pk, String sk, String orderId, String userId, String signalId, String source,
                        String strategy, String symbol, OrderSide side, OrderIntent intent, String positionId,
                        OrderType orderType, BigDecimal limitPrice, BigDecimal quantity, BigDecimal notional,
                        BigDecimal stopLoss, BigDecimal takeProfit, OrderStatus status, String reason,
                        BigDecimal fillPrice, BigDecimal fee, Instant filledAt, Instant createdAt,
                        Long expiresAt, Long version) {

    /** This order in another status, for {@code reason}. */
    public OrderItem withStatus(OrderStatus status, String reason) {
        return new OrderItem(pk, sk, orderId, userId, signalId, source, strategy, symbol, side, intent, positionId,
                orderType, limitPrice, quantity, notional, stopLoss, takeProfit, status, reason, fillPrice, fee,
                filledAt, createdAt, expiresAt, version);
    }

    /** This order as the broker executed it (or accepted it, {@code RESTING}), for {@code positionId}. */
    public OrderItem withExecution(OrderStatus status, String positionId, BigDecimal quantity, BigDecimal fillPrice,
                                   BigDecimal fee, Instant filledAt) {
        return new OrderItem(pk, sk, orderId, userId, signalId, source, strategy, symbol, side, intent, positionId,
                orderType, limitPrice, quantity, notional, stopLoss, takeProfit, status, null, fillPrice, fee,
                filledAt, createdAt, expiresAt, version);
    }
}
