package com.nija.shared.engine;

import com.nija.shared.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A validated, normalized signal: canonical symbol, action, sizing. {@code quantityType}/{@code quantity} null
 * means "size from the trader's settings". {@code price} is the sender's view of the market, used as the
 * latest price when given.
 */
public record Signal(String signalId, String source, String strategy, String symbol, SignalAction action,
                     OrderType orderType, BigDecimal limitPrice, PriceLevel stopLoss, PriceLevel takeProfit,
                     QuantityType quantityType, BigDecimal quantity, BigDecimal price, Instant timestamp,
                     Instant receivedAt) {}
