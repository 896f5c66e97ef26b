package com.nija.shared.broker;

import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;

/**
 * What is sent to a broker. {@code clientOrderId} is NIJA's deterministic order id: brokers deduplicate on it (a live
 * venue on its own format of it), and it is how a retry asks "did my order get placed?". {@code limitPrice} is set for
 * {@link OrderType#LIMIT} only. {@code venue}: the live venue that gets it ({@code coinbase}, …), null for the paper
 * broker.
 */
public record OrderTicket(String clientOrderId, String userId, String symbol, OrderSide side, OrderType orderType,
                          BigDecimal quantity, BigDecimal limitPrice, String venue) {

    /** The order this ticket places, to look it up or cancel it. */
    public OrderRef ref() {
        return new OrderRef(userId, venue, symbol, clientOrderId);
    }

    /** This ticket at {@code quantity} and {@code limitPrice} (as a venue's size step and tick round them). */
    public OrderTicket sized(BigDecimal quantity, BigDecimal limitPrice) {
        return new OrderTicket(clientOrderId, userId, symbol, side, orderType, quantity, limitPrice, venue);
    }
}
