package com.nija.shared.data;

import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order and what became of it, under the trader's partition. Its id is derived from what caused it (a signal and
 * the trader, or a position for a close), and the broker is asked with that id as its client order id. A paper order
 * is written once the broker answered, on condition that none with its id exists; a live order is written
 * {@code SUBMITTED} on that condition before the venue is called, then updated with the venue's answer. A retried or
 * duplicated message therefore finds the order by that id and records at most one. {@code status}: see
 * {@link OrderStatus}. {@code signalId}, {@code source} and {@code strategy}: the signal's, or for an order the engine
 * or a trader caused, the request's id and its trigger.
 *
 * <p>Live orders only (absent on paper orders, so items written before live venues read as paper): {@code venue} where
 * it was sent ({@code coinbase}, …); {@code clientOrderId}, our id in the venue's format; {@code venueOrderId}, the
 * venue's own id once it answered; {@code submittedAt}, when it was recorded SUBMITTED; {@code partial} and
 * {@code requestedQuantity} when the venue filled less than was asked ({@code quantity} is what filled). Together with
 * the trader, the request id and the status they are the order's audit record. {@code gsi1pk}/{@code gsi1sk} put a
 * live order in the open-by-symbol index while it rests at the venue, so a price that crosses it has its fill looked up.
 *
 * <p>Exits: {@code rung}, the take-profit ladder rung (from 1) a scale-out order closes (absent on every other order);
 * {@code exitPlan}, the signal's {@link com.nija.shared.exits.ExitPlan} as JSON on an opening order, resolved onto the
 * position at the fill; {@code explanation}, the signal's explanation (JSON, bounded) on the orders it caused.
 */
public record OrderItem(String pk, String sk, String orderId, String userId, String signalId, String source,
                        String strategy, String symbol, OrderSide side, OrderIntent intent, String positionId,
                        OrderType orderType, BigDecimal limitPrice, BigDecimal quantity, BigDecimal notional,
                        BigDecimal stopLoss, BigDecimal takeProfit, OrderStatus status, String reason,
                        BigDecimal fillPrice, BigDecimal fee, Instant filledAt, Instant createdAt,
                        Long expiresAt, Long version, String venue, String clientOrderId, String venueOrderId,
                        Instant submittedAt, Boolean partial, BigDecimal requestedQuantity, String gsi1pk,
                        String gsi1sk, Integer rung, String exitPlan, String explanation) {

    /** An order that is no scale-out, with no exit plan or explanation (what every order was before ladders). */
    public OrderItem(String pk, String sk, String orderId, String userId, String signalId, String source,
                     String strategy, String symbol, OrderSide side, OrderIntent intent, String positionId,
                     OrderType orderType, BigDecimal limitPrice, BigDecimal quantity, BigDecimal notional,
                     BigDecimal stopLoss, BigDecimal takeProfit, OrderStatus status, String reason,
                     BigDecimal fillPrice, BigDecimal fee, Instant filledAt, Instant createdAt,
                     Long expiresAt, Long version, String venue, String clientOrderId, String venueOrderId,
                     Instant submittedAt, Boolean partial, BigDecimal requestedQuantity, String gsi1pk,
                     String gsi1sk) {
        this(pk, sk, orderId, userId, signalId, source, strategy, symbol, side, intent, positionId, orderType, limitPrice,
                quantity, notional, stopLoss, takeProfit, status, reason, fillPrice, fee, filledAt, createdAt, expiresAt,
                version, venue, clientOrderId, venueOrderId, submittedAt, partial, requestedQuantity, gsi1pk, gsi1sk,
                null, null, null);
    }

    /** This order as the scale-out of ladder rung {@code rung}, opening under {@code exitPlan}, for {@code explanation}. */
    public OrderItem withExits(Integer rung, String exitPlan, String explanation) {
        return new OrderItem(pk, sk, orderId, userId, signalId, source, strategy, symbol, side, intent, positionId,
                orderType, limitPrice, quantity, notional, stopLoss, takeProfit, status, reason, fillPrice, fee,
                filledAt, createdAt, expiresAt, version, venue, clientOrderId, venueOrderId, submittedAt, partial,
                requestedQuantity, gsi1pk, gsi1sk, rung, exitPlan, explanation);
    }

    /** Whether this order went to a live venue (false for paper orders, old items included). */
    public boolean live() {
        return venue != null;
    }

    /** This order in another status, for {@code reason}; out of the resting index unless it rests. */
    public OrderItem withStatus(OrderStatus status, String reason) {
        boolean rests = status == OrderStatus.RESTING;
        return new OrderItem(pk, sk, orderId, userId, signalId, source, strategy, symbol, side, intent, positionId,
                orderType, limitPrice, quantity, notional, stopLoss, takeProfit, status, reason, fillPrice, fee,
                filledAt, createdAt, expiresAt, version, venue, clientOrderId, venueOrderId, submittedAt, partial,
                requestedQuantity, rests ? gsi1pk : null, rests ? gsi1sk : null, rung, exitPlan, explanation);
    }

    /** This order as the broker executed it (or accepted it, {@code RESTING}), for {@code positionId}. */
    public OrderItem withExecution(OrderStatus status, String positionId, BigDecimal quantity, BigDecimal fillPrice,
                                   BigDecimal fee, Instant filledAt) {
        boolean rests = status == OrderStatus.RESTING;
        return new OrderItem(pk, sk, orderId, userId, signalId, source, strategy, symbol, side, intent, positionId,
                orderType, limitPrice, quantity, notional, stopLoss, takeProfit, status, null, fillPrice, fee,
                filledAt, createdAt, expiresAt, version, venue, clientOrderId, venueOrderId, submittedAt, partial,
                requestedQuantity, rests ? gsi1pk : null, rests ? gsi1sk : null, rung, exitPlan, explanation);
    }

    /**
     * This order about to be sent to {@code venue} under {@code clientOrderId} (the venue's format of our id), at
     * {@code quantity} and {@code limitPrice} as the venue's steps round them: {@code SUBMITTED}, at {@code at}.
     */
    public OrderItem submittedTo(String venue, String clientOrderId, BigDecimal quantity, BigDecimal limitPrice,
                                 Instant at) {
        return new OrderItem(pk, sk, orderId, userId, signalId, source, strategy, symbol, side, intent, positionId,
                orderType, limitPrice, quantity, notional, stopLoss, takeProfit, OrderStatus.SUBMITTED, null, null,
                null, null, createdAt, expiresAt, version, venue, clientOrderId, null, at, null, null, null, null,
                rung, exitPlan, explanation);
    }

    /**
     * This live order with the venue's answer: its order id there, whether it filled less than {@code asked}, and while
     * it rests, its place in the index of resting live orders ({@code restingKey}, null once it no longer rests).
     */
    public OrderItem withVenueAnswer(String venueOrderId, BigDecimal asked, String restingKey) {
        boolean less = asked != null && quantity != null && status == OrderStatus.FILLED && quantity.compareTo(asked) < 0;
        return new OrderItem(pk, sk, orderId, userId, signalId, source, strategy, symbol, side, intent, positionId,
                orderType, limitPrice, quantity, notional, stopLoss, takeProfit, status, reason, fillPrice, fee,
                filledAt, createdAt, expiresAt, version, venue, clientOrderId,
                venueOrderId != null ? venueOrderId : this.venueOrderId, submittedAt, less ? Boolean.TRUE : null,
                less ? asked : null, restingKey, restingKey == null ? null : userId + "#" + orderId,
                rung, exitPlan, explanation);
    }

    /** This order under another id (a failed close moved off its position's close id onto its request's own). */
    public OrderItem withOrderId(String orderId) {
        return new OrderItem(pk, Keys.order(orderId), orderId, userId, signalId, source, strategy, symbol, side, intent,
                positionId, orderType, limitPrice, quantity, notional, stopLoss, takeProfit, status, reason, fillPrice,
                fee, filledAt, createdAt, expiresAt, null, venue, clientOrderId, venueOrderId, submittedAt, partial,
                requestedQuantity, null, null, rung, exitPlan, explanation);
    }
}
