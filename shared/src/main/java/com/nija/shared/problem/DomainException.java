package com.nija.shared.problem;

/** A refusal the caller can act on; the HTTP layer maps each kind to one status and problem type. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message);
    }

    /** Stable problem slug, e.g. {@code validation}; becomes {@code https://nija.dev/problems/<slug>}. */
    public abstract String problemType();

    /**
     * Members the problem body carries besides type, title, status and detail (RFC 9457 extension members), for a
     * client that acts on them: e.g. the broker limit and the brokers connected. Never a secret.
     */
    public java.util.Map<String, Object> extensions() {
        return java.util.Map.of();
    }
}
