package com.nija.shared.venues;

import com.nija.shared.broker.BrokerException;
import java.time.Duration;

/** The venue answered "too many requests" (429, Binance 418): nothing was placed; wait {@link #retryAfter()}. */
public class VenueRateLimitedException extends BrokerException {
    private final Duration retryAfter;

    public VenueRateLimitedException(String message, Duration retryAfter) {
        super(Kind.NOT_PLACED, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
