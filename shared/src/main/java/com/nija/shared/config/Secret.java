package com.nija.shared.config;

import java.util.Optional;

/**
 * One secret, read when first used (never at init) through {@link SecretResolver}: a configured value (locally, in
 * tests) or the Secrets Manager secret named by an {@code *_SECRET_ARN} variable, cached for {@code nija.secret-ttl}.
 * Holding a {@code Secret} holds no value; it is never logged.
 */
public final class Secret {
    /** A use of the secret that a stale value fails, e.g. checking a signature made with a rotated secret. */
    @FunctionalInterface
    public interface Use<T, E extends Exception> {
        T apply(String value) throws E;
    }

    private final SecretResolver resolver;
    private final String configured;
    private final String id;

    Secret(SecretResolver resolver, String configured, String id) {
        this.resolver = resolver;
        this.configured = configured;
        this.id = id;
    }

    /** A fixed value, e.g. for a test or a tool that has the secret in hand. */
    public static Secret of(String value) {
        return new Secret(null, value, null);
    }

    /** Whether there is a secret to read, without reading it. */
    public boolean isSet() {
        return configured != null || id != null;
    }

    /** The current value (read or re-read when the cached one is older than the TTL); null when not set. */
    public String value() {
        if (configured != null) return configured;
        return id == null ? null : resolver.current(id);
    }

    /**
     * Runs {@code use} with the current value. When it fails with {@code mismatch} (a signature that does not verify),
     * the secret may have been rotated since it was cached: it is read again once and, when the value changed,
     * {@code use} runs once more with the new value. Re-reads of one secret are spaced (see
     * {@link SecretResolver#REREAD_SPACING}) so a flood of bad signatures is not a flood of Secrets Manager calls.
     */
    public <T, E extends Exception> T use(Class<E> mismatch, Use<T, E> use) throws E {
        String value = value();
        try {
            return use.apply(value);
        } catch (Exception e) {
            if (id == null || !mismatch.isInstance(e)) throw e;
            Optional<String> rotated = resolver.reread(id, value);
            if (rotated.isEmpty()) throw e;
            return use.apply(rotated.get());
        }
    }
}
