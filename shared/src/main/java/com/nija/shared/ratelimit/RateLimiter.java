package com.nija.shared.ratelimit;

import com.nija.shared.cache.RedisGateway;
import com.nija.shared.observability.Telemetry;
import io.lettuce.core.ScriptOutputType;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Token buckets in Redis, one per key: each request is one script, so one round trip, and takes a token when the
 * bucket has one. Time comes from our {@link Clock}, passed into the script (never Redis's own {@code TIME}), so every
 * function agrees with the rest of the platform and tests can move it. When Redis is unavailable or slow (the
 * gateway's budget) the request is let through and {@code RateLimitUnavailable} is counted: a limit protects capacity,
 * and refusing every sender while the cache is away would be the outage it exists to prevent. Without a Redis URL
 * nothing is limited.
 */
@Singleton
public class RateLimiter {
    /**
     * KEYS[1] the bucket (a hash: {@code units} left, {@code at} last refill in ms); ARGV now (ms), requests, period
     * (ms). A bucket holds requests × period units, a request costs period units, and each ms adds requests units:
     * whole numbers throughout, so no rounding drifts. A clock behind the last refill (another function's, a moment
     * ago) refills nothing rather than minting tokens. A missing bucket is a full one, so the key expires once a full
     * period has passed (plus a minute, as Redis's clock and ours may differ).
     */
    static final String SCRIPT = """
            local now = tonumber(ARGV[1])
            local requests = tonumber(ARGV[2])
            local period = tonumber(ARGV[3])
            local capacity = requests * period
            local state = redis.call('HMGET', KEYS[1], 'units', 'at')
            local units = tonumber(state[1])
            local at = tonumber(state[2])
            if units == nil or at == nil then
              units = capacity
              at = now
            elseif now > at then
              units = units + math.min(now - at, period) * requests
              at = now
            end
            if units > capacity then units = capacity end
            local allowed = 0
            if units >= period then
              units = units - period
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'units', units, 'at', at)
            redis.call('PEXPIRE', KEYS[1], period + 60000)
            return {allowed, units}
            """;

    private final RedisGateway redis;
    private final Clock clock;

    public RateLimiter(RedisGateway redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /**
     * Takes one request from {@code key}'s bucket.
     *
     * @param key what is limited, with the caller's namespace ({@code src:tv-alerts}); the period is part of the
     *            bucket's name, so changing a rule's period starts a fresh bucket rather than misreading the old one
     */
    public Quota acquire(String key, Rate rate) {
        long now = clock.millis();
        long period = rate.periodMillis();
        Optional<List<Object>> reply = redis.call(r -> r.eval(SCRIPT, ScriptOutputType.MULTI,
                new String[] {"rl:" + key + ":" + period}, Long.toString(now), Integer.toString(rate.requests()),
                Long.toString(period)));
        if (reply.isEmpty() || reply.get().size() != 2) {
            if (redis.configured()) Telemetry.count("RateLimitUnavailable");
            return Quota.uncounted(rate);
        }
        boolean allowed = ((Long) reply.get().get(0)) == 1L;
        long units = (Long) reply.get().get(1);
        long requests = rate.requests();
        Duration reset = Duration.ofMillis(ceilDiv(requests * period - units, requests));
        Duration retryAfter = allowed ? Duration.ZERO : Duration.ofMillis(ceilDiv(period - units, requests));
        return new Quota(rate.requests(), allowed, true, units / period, reset, retryAfter);
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
