package com.nija.shared.broker;

import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;

/**
 * What is sent to a broker. {@code clientOrderId} is NIJA's deterministic order id: brokers deduplicate on it, and
 * it is how a retry asks "did my order get placed?". {@code limitPrice} is set for {@link OrderType#LIMIT} only.
 */
public record OrderTicket(String clientOrderId, String userId, String symbol, OrderSide side, OrderType orderType,
                          BigDecimal quantity, BigDecimal limitPrice) {}
