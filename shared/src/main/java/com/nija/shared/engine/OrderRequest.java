package com.nija.shared.engine;

import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderTrigger;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One trader's share of work for the engine, carrying what caused it: a {@link OrderTrigger#SIGNAL} to act on
 * ({@code signal} set); a close of one position ({@code positionId} set) because a price crossed its stop-loss or
 * take-profit, or because the trader asked; or a resting limit order the market reached. {@code requestId} names the
 * cause — the signal's id; {@code close-<position>} for a stop or a target (whichever crosses first is the one close);
 * a click's own id; the resting order's id — and with the trader gives the order id and the queue's deduplication id.
 */
public record OrderRequest(String userId, OrderTrigger trigger, String requestId, String symbol, String positionId,
                           Signal signal, Instant requestedAt) {

    public OrderRequest {
        if (signal != null) {
            if (requestId == null) requestId = signal.signalId();
            if (symbol == null) symbol = signal.symbol();
            if (requestedAt == null) requestedAt = signal.receivedAt();
        }
        if (trigger == null) trigger = OrderTrigger.SIGNAL;
    }

    /** A signal's order for one of its subscribers. */
    public static OrderRequest forSignal(String userId, Signal signal) {
        return new OrderRequest(userId, OrderTrigger.SIGNAL, signal.signalId(), signal.symbol(), null, signal,
                signal.receivedAt());
    }

    /** A price crossed a position's stop-loss or take-profit; one id per position, so only one of them can act. */
    public static OrderRequest forCrossedLevel(String userId, OrderTrigger trigger, String positionId, String symbol,
                                               Instant at) {
        return new OrderRequest(userId, trigger, "close-" + positionId, symbol, positionId, null, at);
    }

    /**
     * A price reached rung {@code rung} (from 1) of a position's take-profit ladder. One request id per position and
     * rung, so a redelivered price batch, or two batches racing, can only ever name the same order.
     */
    public static OrderRequest forScaleOut(String userId, String positionId, int rung, String symbol, Instant at) {
        return new OrderRequest(userId, OrderTrigger.SCALE_OUT, "scale-out-" + positionId + "-" + rung, symbol,
                positionId, null, at);
    }

    /** The ladder rung a scale-out closes (from 1), or null for any other request. */
    public Integer rung() {
        if (trigger != OrderTrigger.SCALE_OUT) return null;
        return Integer.valueOf(requestId.substring(requestId.lastIndexOf('-') + 1));
    }

    /**
     * A trader closing a position by hand. Each click has its own request id: the close order's id (the position's)
     * makes two clicks close once, and a failed attempt, recorded under the click's id, leaves the position closable.
     */
    public static OrderRequest forManualClose(String userId, String positionId, String symbol, Instant at) {
        return new OrderRequest(userId, OrderTrigger.MANUAL_CLOSE, "manual-close-" + positionId + "-" + at.toEpochMilli(),
                symbol, positionId, null, at);
    }

    /** A resting limit order the market reached: the request resumes that order, whose id is its client order id. */
    public static OrderRequest forLimitFill(String userId, String restingOrderId, String symbol, Instant at) {
        return new OrderRequest(userId, OrderTrigger.LIMIT_FILL, restingOrderId, symbol, null, null, at);
    }

    /**
     * Deterministic: the same request always gets the same order id. A limit fill resumes the order that rested;
     * closes of one position all place their order under the position's close id ({@link OrderIds#close}).
     */
    public String orderId() {
        return trigger == OrderTrigger.LIMIT_FILL ? requestId : OrderIds.of(requestId, userId);
    }

    /** Who asked: the signal's source, or {@code engine}/{@code trader} for an order no signal caused. */
    public String source() {
        return signal != null ? signal.source() : trigger.source();
    }

    /** The signal's strategy, or the trigger ({@code stop-loss}) for an order no signal caused. */
    public String strategy() {
        return signal != null ? signal.strategy() : trigger.label();
    }

    /** The side asked for before any plan: the signal's action, or {@code EXIT} for a close. */
    public OrderSide requestedSide() {
        if (signal == null) return OrderSide.EXIT;
        return switch (signal.action()) {
            case BUY -> OrderSide.BUY;
            case SELL -> OrderSide.SELL;
            case EXIT -> OrderSide.EXIT;
            case CANCEL -> throw new IllegalStateException("a cancel places no order");
        };
    }

    public OrderType orderType() {
        return signal != null ? signal.orderType() : OrderType.MARKET;
    }

    public BigDecimal limitPrice() {
        return signal != null ? signal.limitPrice() : null;
    }

    /** Whether this is a cancel signal: it withdraws resting orders and places none. */
    public boolean cancels() {
        return signal != null && signal.action() == SignalAction.CANCEL;
    }
}
