package com.nija.shared.trading;

/** Direction of a position. */
public enum Side {
    LONG, SHORT;

    /** +1 for long, −1 for short: a long gains when the price rises. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }
}
