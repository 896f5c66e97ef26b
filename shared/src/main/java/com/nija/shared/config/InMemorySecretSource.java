package com.nija.shared.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Secrets held in memory, for tests: a test rotates a secret with {@link #put} the way {@code put-secret-value}
 * does in AWS, and {@link #reads} tells when a value was fetched.
 */
public final class InMemorySecretSource implements SecretSource {
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean unreachable;

    public InMemorySecretSource put(String id, String value) {
        values.put(id, value);
        return this;
    }

    /** While true, every read fails the way an unreachable Secrets Manager does. */
    public void unreachable(boolean down) {
        unreachable = down;
    }

    @Override
    public String read(String id) {
        reads.incrementAndGet();
        if (unreachable) throw new IllegalStateException("secret store unreachable");
        String value = values.get(id);
        if (value == null) throw new IllegalStateException("no secret " + id);
        return value;
    }

    /** How many times any secret was read. */
    public int reads() {
        return reads.get();
    }
}
