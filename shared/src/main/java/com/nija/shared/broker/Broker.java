package com.nija.shared.broker;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The one port every broker sits behind (paper, Coinbase, Kraken, OKX, Binance, Alpaca): what the engine needs of a
 * venue and nothing more — size a ticket to the venue's rules, place under NIJA's client order id, look an order (and
 * its fill) up by that id, cancel. Cash is NIJA's own ledger's, not asked of the venue. Which orders rest is NIJA's
 * own record's (the engine's orders), not asked of the broker either: a venue can name an order only by its own
 * format of our id, which for some venues (Kraken's UUIDs) cannot be turned back into it.
 */
public interface Broker {
    /**
     * Places an order. Idempotent on {@code clientOrderId}: placing the same id twice returns the first result — or,
     * for a broker that keeps no record of an immediate fill until the caller records the order under that id (the
     * paper broker), a new quote; the caller's conditional order write then keeps exactly one.
     */
    Fill place(OrderTicket ticket);

    /** The order, if the broker has it (how a retry after a timeout learns the truth). */
    Optional<Fill> lookup(OrderRef order);

    /** Cancels a resting order; false when there was nothing to cancel. */
    boolean cancel(OrderRef order);

    /**
     * {@code ticket} as this broker will send it, or why the venue would refuse it — decided before anything is recorded
     * or sent. The paper broker takes tickets as they are.
     */
    default PreparedTicket prepare(OrderTicket ticket, BigDecimal market) {
        return PreparedTicket.ready(ticket);
    }

    /**
     * The price {@code ticket} would fill at now, given the latest {@code market} price (null when none is known), so
     * the engine can check its stop and target before placing it. A resting limit order fills at its limit at worst.
     * This default assumes a fill at the market (or the limit); a broker that knows better (slippage, the book) says so.
     */
    default BigDecimal expectedFillPrice(OrderTicket ticket, BigDecimal market) {
        if (ticket.limitPrice() != null && (market == null || !limitMarketable(ticket, market))) return ticket.limitPrice();
        return market;
    }

    /** Whether a limit order would fill at once at {@code market}. */
    static boolean limitMarketable(OrderTicket ticket, BigDecimal market) {
        int c = market.compareTo(ticket.limitPrice());
        return ticket.side().buys() ? c <= 0 : c >= 0;
    }
}
