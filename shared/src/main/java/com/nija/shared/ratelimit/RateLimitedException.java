package com.nija.shared.ratelimit;

import com.nija.shared.problem.DomainException;
import java.util.Objects;

/** A request over its limit (HTTP 429): nothing of it was done; {@link #quota()} says when to come back. */
public class RateLimitedException extends DomainException {
    private final String problemType;
    private final transient Quota quota;

    /** @param problemType the slug naming the rule that refused it, e.g. {@code source-rate-limit} */
    public RateLimitedException(String problemType, String message, Quota quota) {
        super(message);
        this.problemType = Objects.requireNonNull(problemType);
        this.quota = Objects.requireNonNull(quota);
    }

    @Override
    public String problemType() {
        return problemType;
    }

    public Quota quota() {
        return quota;
    }
}
