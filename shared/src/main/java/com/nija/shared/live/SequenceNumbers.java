package com.nija.shared.live;

import com.nija.shared.cache.RedisGateway;
import com.nija.shared.observability.Telemetry;
import io.lettuce.core.ScriptOutputType;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Per-connection sequence numbers, shared by every function that pushes to a connection: Redis {@code INCR} (one
 * round trip, about 0.1 ms), or, when Redis is down or not configured, an atomic {@code ADD} on the connection's
 * item. The two counters are separate, so a switch between them shows the client a jump (or a restart) in the numbers, which it
 * treats like any gap: it refetches over HTTP. Numbers never repeat within one counter.
 */
@Singleton
public class SequenceNumbers {
    /** Longer than any connection lives (2 h), so a counter never restarts under an open connection. */
    private static final long KEY_TTL_SECONDS = 3 * 60 * 60;
    /** INCR, and the expiry on a new counter, in one round trip. */
    private static final String NEXT_SCRIPT = "local n = redis.call('INCR', KEYS[1]) "
            + "if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n";

    private final RedisGateway redis;
    private final ConnectionRegistry registry;

    public SequenceNumbers(RedisGateway redis, ConnectionRegistry registry) {
        this.redis = redis;
        this.registry = registry;
    }

    /** The connection's next number; empty when the connection is no longer stored (nothing to push to). */
    public OptionalLong next(String userId, String connectionId) {
        Optional<Long> fromRedis = redis.call(r -> r.<Long>eval(NEXT_SCRIPT, ScriptOutputType.INTEGER,
                new String[] {key(connectionId)}, Long.toString(KEY_TTL_SECONDS)));
        if (fromRedis.isPresent()) return OptionalLong.of(fromRedis.get());
        Telemetry.count("PushSequenceFallback");
        return registry.nextSequence(userId, connectionId);
    }

    /** Drops a closed connection's counter (best effort; it expires anyway). */
    public void forget(String connectionId) {
        redis.write(r -> r.del(key(connectionId)));
    }

    static String key(String connectionId) {
        return "live:seq:" + connectionId;
    }
}
