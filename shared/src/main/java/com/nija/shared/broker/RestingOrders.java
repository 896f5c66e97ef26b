package com.nija.shared.broker;

import java.math.BigDecimal;
import java.util.List;

/**
 * Limit orders resting at a broker, as NIJA's price feed acts on them: the paper broker fills its own when a price
 * crosses them; a live venue fills its own, and a crossing price only has the fill looked up there. Either way a
 * crossed order becomes a limit-fill request for the engine.
 */
public interface RestingOrders {
    /** The orders resting on {@code symbol}: one look-up per market, however many prices of a batch it then takes. */
    List<OrderTicket> resting(String symbol);

    /**
     * Acts on {@code order} when {@code price} crosses its limit; whether a limit-fill request should follow. The paper
     * broker fills it, once (a concurrent crossing fills it in one of them only); a live venue's book writes nothing.
     */
    boolean fillIfCrossed(OrderTicket order, BigDecimal price);
}
