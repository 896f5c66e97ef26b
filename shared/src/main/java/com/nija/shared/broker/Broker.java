package com.nija.shared.broker;

import java.util.List;
import java.util.Optional;

/**
 * The one port every broker sits behind (paper, Coinbase, Kraken, OKX, Binance, Alpaca): what the engine needs of a
 * venue and nothing more — place under NIJA's client order id, look an order (and its fill) up by that id, cancel,
 * and list what rests. Cash is NIJA's own ledger's, not asked of the venue.
 */
public interface Broker {
    /**
     * Places an order. Idempotent on {@code clientOrderId}: placing the same id twice returns the first result — or,
     * for a broker that keeps no record of an immediate fill until the caller records the order under that id (the
     * paper broker), a new quote; the caller's conditional order write then keeps exactly one.
     */
    Fill place(OrderTicket ticket);

    /** The order with this client order id, if the broker has it (how a retry after a timeout learns the truth). */
    Optional<Fill> lookup(String userId, String clientOrderId);

    /** Cancels a resting order; false when there was nothing to cancel. */
    boolean cancel(String userId, String clientOrderId);

    /** Orders accepted but not filled yet. */
    List<OrderTicket> openOrders(String userId);
}
