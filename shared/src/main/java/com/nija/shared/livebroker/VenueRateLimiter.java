package com.nija.shared.livebroker;

import com.nija.shared.cache.RedisGateway;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.venues.Venue;
import io.lettuce.core.ScriptOutputType;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The per-key rate limit every function shares: a token bucket in Redis per venue key, taken in one round trip (a
 * Lua script runs the refill, the check and the take atomically), keyed by a hash of the venue and the key's id — the
 * id itself never reaches Redis. A venue's "too many requests" blocks the key for the time it asked
 * ({@link #backOff}), across functions.
 *
 * <p>When Redis is unavailable the limiter lets the call through and counts {@code VenueRateLimiterUnavailable}. That
 * is safe: the venue enforces its own limit (a 429 is {@code NOT_PLACED}, the order is retried later), and every retry
 * carries the same client order id, which the venue deduplicates on, so no path to a second order opens.
 */
@Singleton
public class VenueRateLimiter {
    /**
     * Refills the bucket for the time since it was last taken from (times from our clock, ARGV[1], never Redis's),
     * then takes a token; answers 0 when taken, else the milliseconds until one is there (or until a back-off ends).
     * ARGV: now ms, capacity, refill period ms (capacity tokens per period), ttl ms.
     */
    private static final String TAKE = """
            local now = tonumber(ARGV[1])
            local capacity = tonumber(ARGV[2])
            local period = tonumber(ARGV[3])
            local b = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'blocked')
            local blocked = tonumber(b[3]) or 0
            if now < blocked then return blocked - now end
            local tokens = tonumber(b[1]) or capacity
            local at = tonumber(b[2]) or now
            if now > at then tokens = math.min(capacity, tokens + (now - at) * capacity / period) end
            if tokens < 1 then return math.ceil((1 - tokens) * period / capacity) end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - 1), 'at', tostring(math.max(now, at)))
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 0
            """;
    /** Blocks the bucket until ARGV[1] (ms) unless already blocked longer; ARGV[2]: ttl ms. */
    private static final String BLOCK = """
            local blocked = tonumber(redis.call('HGET', KEYS[1], 'blocked')) or 0
            if tonumber(ARGV[1]) > blocked then redis.call('HSET', KEYS[1], 'blocked', ARGV[1]) end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;

    private final RedisGateway redis;
    private final VenueRateLimitConfig config;
    private final Clock clock;

    public VenueRateLimiter(RedisGateway redis, VenueRateLimitConfig config, Clock clock) {
        this.redis = redis;
        this.config = config;
        this.clock = clock;
    }

    /** Takes a token for a call with {@code keyId} at {@code venue}; empty when taken, else how long until one is there. */
    public Optional<Duration> acquire(Venue venue, String keyId) {
        if (!config.isEnabled()) return Optional.empty();
        VenueRateLimitConfig.Bucket bucket = config.bucket(venue);
        long now = clock.millis();
        Optional<Long> wait = redis.call(r -> r.eval(TAKE, ScriptOutputType.INTEGER, new String[] {key(venue, keyId)},
                Long.toString(now), Integer.toString(bucket.capacity()), Long.toString(bucket.period().toMillis()),
                Long.toString(ttl(bucket, Duration.ZERO))));
        if (wait.isEmpty()) {
            Telemetry.record(Metric.count("VenueRateLimiterUnavailable", "venue", venue.wire()));
            return Optional.empty();
        }
        return wait.get() <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis(wait.get()));
    }

    /** The venue said to slow down: no call with this key for {@code retryAfter}, from any function. */
    public void backOff(Venue venue, String keyId, Duration retryAfter) {
        if (!config.isEnabled()) return;
        long until = clock.millis() + retryAfter.toMillis();
        Optional<Long> done = redis.call(r -> r.eval(BLOCK, ScriptOutputType.INTEGER,
                new String[] {key(venue, keyId)}, Long.toString(until),
                Long.toString(ttl(config.bucket(venue), retryAfter))));
        if (done.isEmpty()) Telemetry.record(Metric.count("VenueRateLimiterUnavailable", "venue", venue.wire()));
    }

    /** Long enough to outlive a full refill (an expired bucket starts full, as a refilled one would be) and a block. */
    private static long ttl(VenueRateLimitConfig.Bucket bucket, Duration block) {
        return bucket.period().toMillis() * 2 + block.toMillis() + 1000;
    }

    /** {@code vrl:<venue>:<hash>}: the hash of venue and key id, so Redis (and its dumps) never hold a key id. */
    static String key(Venue venue, String keyId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((venue.wire() + "\n" + keyId).getBytes(StandardCharsets.UTF_8));
            return "vrl:" + venue.wire().toLowerCase(Locale.ROOT) + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
