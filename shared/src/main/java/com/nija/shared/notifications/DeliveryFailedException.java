package com.nija.shared.notifications;

import java.time.Duration;
import java.util.Optional;

/**
 * A delivery attempt that did not get through. The message is shown to the trader in their delivery log, so it says
 * what happened in words and never quotes a URL, token or secret. {@code retryAfter} is the receiver's own request
 * (HTTP 429) to wait at least that long.
 */
public class DeliveryFailedException extends RuntimeException {
    private final transient Duration retryAfter;

    public DeliveryFailedException(String message) {
        this(message, null);
    }

    public DeliveryFailedException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
