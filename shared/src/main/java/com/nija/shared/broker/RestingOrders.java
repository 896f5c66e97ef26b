package com.nija.shared.broker;

import java.math.BigDecimal;
import java.util.List;

/**
 * Limit orders resting at a broker that fills them on NIJA's own price feed (the paper broker); a venue that fills its
 * own resting orders reports them through {@link Broker#lookup} instead.
 */
public interface RestingOrders {
    /**
     * Fills every order resting on {@code symbol} that {@code price} crosses, each once (a concurrent crossing fills it
     * in one of them only), and returns what filled: client order id, trader and symbol.
     */
    List<OrderTicket> fillCrossed(String symbol, BigDecimal price);
}
