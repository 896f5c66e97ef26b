package com.nija.shared.broker;

import java.math.BigDecimal;
import java.util.List;

/**
 * Limit orders resting at a broker that fills them on NIJA's own price feed (the paper broker); a venue that fills its
 * own resting orders reports them through {@link Broker#lookup} instead.
 */
public interface RestingOrders {
    /** The orders resting on {@code symbol}: one look-up per market, however many prices of a batch it then takes. */
    List<OrderTicket> resting(String symbol);

    /**
     * Fills {@code order} when {@code price} crosses its limit, once (a concurrent crossing fills it in one of them
     * only); whether this call filled it.
     */
    boolean fillIfCrossed(OrderTicket order, BigDecimal price);
}
