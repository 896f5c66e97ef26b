package com.nija.shared.engine;

import com.nija.shared.cache.RedisGateway;
import com.nija.shared.observability.Telemetry;
import io.lettuce.core.ScriptOutputType;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * Per-trader order throttle in Redis (fixed windows + a spacing key). When Redis is unavailable the throttle
 * lets orders through and counts {@code ThrottleUnavailable}: the other risk limits (size, open positions, daily
 * loss, kill switches) are enforced from DynamoDB and still hold.
 */
@Singleton
public class OrderThrottle {
    /**
     * Takes the spacing slot when the last order was at least ARGV[2] ms before ARGV[1] (both from our clock, so the
     * outcome never depends on Redis's own time); the key outlives the spacing only to be cleaned up.
     */
    private static final String SPACING_SCRIPT = """
            local last = redis.call('GET', KEYS[1])
            if last and tonumber(ARGV[1]) - tonumber(last) < tonumber(ARGV[2]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]) + 60000)
            return 1
            """;
    private final RedisGateway redis;
    private final ThrottleConfig config;
    private final Clock clock;

    public OrderThrottle(RedisGateway redis, ThrottleConfig config, Clock clock) {
        this.redis = redis;
        this.config = config;
        this.clock = clock;
    }

    /** Takes a slot for a new order; the reason it can't, or empty when it may proceed. */
    public Optional<String> acquire(String userId) {
        if (!config.isEnabled()) return Optional.empty();
        long now = clock.millis();
        Optional<String> verdict = redis.call(r -> {
            long spacing = config.getMinSpacingMillis();
            Long spaced = r.eval(SPACING_SCRIPT, ScriptOutputType.INTEGER, new String[] {"thr:gap:" + userId},
                    Long.toString(now), Long.toString(spacing));
            if (spaced == null || spaced == 0L) return "orders must be " + spacing / 1000 + " s apart";
            String minute = window(r, userId, "m", now / 60_000, 120, config.getPerMinute(), "a minute");
            if (minute != null) return minute;
            String hour = window(r, userId, "h", now / 3_600_000, 7200, config.getPerHour(), "an hour");
            if (hour != null) return hour;
            String day = window(r, userId, "d", now / 86_400_000, 172_800, config.getPerDay(), "a day");
            return day == null ? "" : day;
        });
        if (verdict.isEmpty()) {
            Telemetry.count("ThrottleUnavailable");
            return Optional.empty();
        }
        return verdict.filter(v -> !v.isEmpty());
    }

    private static String window(io.lettuce.core.cluster.api.sync.RedisClusterCommands<String, String> r, String userId, String unit,
                                 long bucket, long ttlSeconds, int limit, String label) {
        String key = "thr:" + unit + ":" + userId + ":" + bucket;
        long count = r.incr(key);
        if (count == 1) r.expire(key, ttlSeconds);
        return count > limit ? "at most " + limit + " orders " + label : null;
    }
}
