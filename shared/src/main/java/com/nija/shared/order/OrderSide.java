package com.nija.shared.order;

/**
 * Which way an order trades. {@code EXIT} is only ever recorded on a refused exit (an exit signal, a stop, a target
 * or a trader's close that found nothing to close): no position told which way the exit would have traded.
 */
public enum OrderSide {
    BUY, SELL, EXIT;

    /** The side that opens a position of this direction, or closes one of the other: buy for long. */
    public static OrderSide of(boolean buy) {
        return buy ? BUY : SELL;
    }

    public boolean buys() {
        return this == BUY;
    }
}
