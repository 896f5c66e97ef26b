package com.nija.shared.crypto;

/**
 * A sealed value that does not open: tampered with, cut short, or opened with associated data (or a key) other than
 * it was sealed with. Never says which, and never carries the value.
 */
public class EnvelopeOpenException extends RuntimeException {
    public EnvelopeOpenException(String message) {
        super(message);
    }

    public EnvelopeOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
