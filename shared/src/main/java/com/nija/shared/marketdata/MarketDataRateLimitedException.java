package com.nija.shared.marketdata;

import java.time.Duration;

/** The venue kept answering "too many requests" after the allowed back-offs; try again after {@link #retryAfter()}. */
public class MarketDataRateLimitedException extends MarketDataException {
    private final Duration retryAfter;

    public MarketDataRateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
