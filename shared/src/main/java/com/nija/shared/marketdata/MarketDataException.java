package com.nija.shared.marketdata;

/** A venue's market data could not be read: unreachable, refused, or not in the shape its documentation gives. */
public class MarketDataException extends RuntimeException {
    public MarketDataException(String message) {
        super(message);
    }
}
