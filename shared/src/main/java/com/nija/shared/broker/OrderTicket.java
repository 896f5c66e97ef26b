package com.nija.shared.broker;

import java.math.BigDecimal;

/**
 * What is sent to a broker. {@code clientOrderId} is NIJA's deterministic order id: brokers deduplicate on it, and
 * it is how a retry asks "did my order get placed?".
 */
public record OrderTicket(String clientOrderId, String userId, String symbol, String side, String orderType,
                          BigDecimal quantity, BigDecimal limitPrice) {}
