package com.nija.shared.broker;

/**
 * A broker call that did not fill. {@link Kind} says what is known about the order afterwards, which decides
 * whether a retry is safe.
 */
public class BrokerException extends RuntimeException {
    public enum Kind {
        /** The broker refused the order: nothing was placed, retrying would be refused again. */
        REJECTED,
        /** The broker confirms nothing was placed (e.g. connection refused, 503 before acceptance): safe to retry. */
        NOT_PLACED,
        /** No answer (timeout): the order may or may not exist; look it up by client order id before placing again. */
        UNKNOWN
    }

    private final Kind kind;

    public BrokerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
