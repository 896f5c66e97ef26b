package com.nija.shared.config;

import io.micronaut.crac.OrderedResource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secret values: the configured value when there is one (locally, tests), else the Secrets Manager secret whose ARN
 * the CDK app put in an {@code *_SECRET_ARN} environment variable. Secrets are read when first used, never during
 * init, and cached for {@code nija.secret-ttl} (by the domain clock), so a {@code put-secret-value} reaches warm
 * functions within that time; a failed verification re-reads at once ({@link Secret#use}). Nothing read before the
 * SnapStart checkpoint is kept in the snapshot. Values are never logged.
 */
@Singleton
public class SecretResolver implements OrderedResource {
    /** Least time between two re-reads of one secret forced by failed verifications. */
    public static final Duration REREAD_SPACING = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(SecretResolver.class);

    private final SecretSource source;
    private final Clock clock;
    private final Duration ttl;
    private final Function<String, String> environment;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    public SecretResolver(SecretSource source, Clock clock, NijaConfig config) {
        this(source, clock, config.getSecretTtl(), System::getenv);
    }

    /** @param environment where the {@code *_SECRET_ARN} variables are looked up (the process environment in AWS) */
    public SecretResolver(SecretSource source, Clock clock, Duration ttl, Function<String, String> environment) {
        this.source = source;
        this.clock = clock;
        this.ttl = ttl;
        this.environment = environment;
    }

    /**
     * The secret configured as {@code configured} (used when non-blank) or named by the ARN in {@code arnVariable}.
     * Reads nothing.
     */
    public Secret secret(String configured, String arnVariable) {
        if (configured != null && !configured.isBlank()) return new Secret(this, configured, null);
        String arn = environment.apply(arnVariable);
        return new Secret(this, null, arn == null || arn.isBlank() ? null : arn);
    }

    /**
     * @param configured the plain value from configuration, used when non-blank
     * @param arnVariable the environment variable holding the secret's ARN in AWS
     * @return the secret's current value, or null when neither is set
     */
    public String resolve(String configured, String arnVariable) {
        return secret(configured, arnVariable).value();
    }

    /** Whether {@link #resolve} has a secret to read, without reading it (no network call). */
    public boolean isSet(String configured, String arnVariable) {
        return secret(configured, arnVariable).isSet();
    }

    String current(String id) {
        Instant now = clock.instant();
        Cached cached = cache.get(id);
        if (cached != null && cached.freshAt(now, ttl)) return cached.value();
        return cache.compute(id, (key, old) -> old != null && old.freshAt(now, ttl) ? old : read(key, old, now))
                .value();
    }

    /** The value after a forced re-read, when it differs from {@code stale}; empty when it did not change. */
    Optional<String> reread(String id, String stale) {
        Instant now = clock.instant();
        Cached after = cache.compute(id, (key, old) -> {
            if (old != null && !Objects.equals(old.value(), stale)) return old; // another request already re-read it
            if (old != null && old.rereadAt() != null && now.isBefore(old.rereadAt().plus(REREAD_SPACING))) return old;
            return read(key, old, now).rereadAt(now);
        });
        return Objects.equals(after.value(), stale) ? Optional.empty() : Optional.ofNullable(after.value());
    }

    /** Reads the source; when that fails and a value was read before, keeps it (Secrets Manager briefly unreachable). */
    private Cached read(String id, Cached previous, Instant now) {
        try {
            return new Cached(source.read(id), now, previous == null ? null : previous.rereadAt());
        } catch (RuntimeException e) {
            if (previous == null) throw e;
            LOG.warn("secret {} could not be read again, keeping the value read at {}: {}", id, previous.readAt(),
                    e.toString());
            return new Cached(previous.value(), now, previous.rereadAt());
        }
    }

    /** Forgets every value read so far (priming may have read some), so the snapshot holds none. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        cache.clear();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // values are read again on first use
    }

    @Override
    public int getOrder() {
        return CheckpointOrder.SECRETS;
    }

    private record Cached(String value, Instant readAt, Instant rereadAt) {
        boolean freshAt(Instant now, Duration ttl) {
            return now.isBefore(readAt.plus(ttl));
        }

        Cached rereadAt(Instant at) {
            return new Cached(value, readAt, at);
        }
    }
}
