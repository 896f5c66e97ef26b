package com.nija.shared.engine;

import com.nija.shared.exits.ExitPlan;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A validated, normalized signal: canonical symbol, action, sizing. {@code quantityType}/{@code quantity} null
 * means "size from the trader's settings". {@code price} is the sender's view of the market, used as the
 * latest price when given. {@code exits}: the position's exit plan (ladder, breakeven, trailing), or null.
 * {@code explanation}: why the sender sent it (a JSON object, at most {@link #MAX_EXPLANATION} characters), or null;
 * kept with the orders it causes.
 */
public record Signal(String signalId, String source, String strategy, String symbol, SignalAction action,
                     OrderType orderType, BigDecimal limitPrice, PriceLevel stopLoss, PriceLevel takeProfit,
                     QuantityType quantityType, BigDecimal quantity, BigDecimal price, Instant timestamp,
                     Instant receivedAt, ExitPlan exits, String explanation) {

    /** Bound on a signal's explanation as compact JSON: it is copied onto every order the signal causes. */
    public static final int MAX_EXPLANATION = 4096;

    /** A signal without an exit plan or explanation. */
    public Signal(String signalId, String source, String strategy, String symbol, SignalAction action,
                  OrderType orderType, BigDecimal limitPrice, PriceLevel stopLoss, PriceLevel takeProfit,
                  QuantityType quantityType, BigDecimal quantity, BigDecimal price, Instant timestamp,
                  Instant receivedAt) {
        this(signalId, source, strategy, symbol, action, orderType, limitPrice, stopLoss, takeProfit, quantityType,
                quantity, price, timestamp, receivedAt, null, null);
    }
}
