package com.nija.local.services;

/**
 * A local stand-in service (dynalite, redis-server) could not be found, started or stopped.
 *
 * <p>Unchecked because callers (tests, the local platform's main) cannot recover; the message always says what to
 * install or run, so the first failure a new developer sees tells them how to fix it.
 */
public final class LocalServiceException extends RuntimeException {

    /** Creates the exception with an actionable message. */
    public LocalServiceException(String message) {
        super(message);
    }

    /** Creates the exception with an actionable message and the underlying cause. */
    public LocalServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
