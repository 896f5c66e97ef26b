package com.nija.shared.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.nija.shared.observability.DryRun;
import com.nija.shared.json.Json;
import com.nija.shared.config.EngineRegion;
import com.nija.shared.observability.Telemetry;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Cache-aside per trader. Every key embeds the trader's generation ({@code gen:{<user>}}); invalidating all of a
 * trader's entries is one {@code INCR} (O(1), never KEYS/SCAN), and old entries simply age out by TTL.
 * When Redis is unavailable the loader runs and the request still succeeds. A {@link DryRun} (priming) reads but
 * does not fill.
 */
@Singleton
public class UserCache {
    private static final String LOOKUP_SCRIPT = "local g = redis.call('GET', KEYS[1]) or '0' "
            + "local k = ARGV[1] .. g .. ARGV[2] return {k, redis.call('GET', k)}";

    /** Bound on remembered parsed entries; past it the memory starts over. */
    static final int MAX_PARSED = 1_000;

    private final RedisGateway redis;
    private final EngineRegion region;
    /**
     * The last entry parsed under each key, with the JSON it came from ({@link #getOrLoadShared} only). A hit whose
     * JSON is the same string skips the parse: the value still comes from what Redis just returned, not from memory.
     */
    private final java.util.Map<String, Parsed> parsed = new java.util.concurrent.ConcurrentHashMap<>();
    /** Invalidations Redis never received (it was unreachable); replayed before any cached read is trusted. */
    private final java.util.Set<String> unsent = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public UserCache(RedisGateway redis, EngineRegion region) {
        this.redis = redis;
        this.region = region;
    }

    public <T> T getOrLoad(String userId, String view, Duration ttl, JavaType type, Supplier<T> loader) {
        return getOrLoad(userId, view, ttl, type, loader, false);
    }

    /**
     * Like {@link #getOrLoad}, for the hottest reads: the same value object may be returned to several callers at
     * once, so only for values nobody changes (records of immutable fields, unmodifiable lists).
     */
    public <T> T getOrLoadShared(String userId, String view, Duration ttl, JavaType type, Supplier<T> loader) {
        return getOrLoad(userId, view, ttl, type, loader, true);
    }

    private <T> T getOrLoad(String userId, String view, Duration ttl, JavaType type, Supplier<T> loader,
                            boolean shared) {
        if (!unsent.isEmpty() && !replayUnsent(userId)) {
            // This process changed the trader's data but could not tell Redis: never serve their cached views.
            Telemetry.count("CacheBypassed");
            return loader.get();
        }
        // One round trip: the script reads the trader's generation and the entry under it together.
        Optional<Lookup> lookup = redis.call(r -> {
            List<String> result = r.eval(LOOKUP_SCRIPT, ScriptOutputType.MULTI, new String[] {generationKey(userId)},
                    "v2:u:{" + userId + "}:g", ":" + view);
            return new Lookup(result.get(0), result.size() > 1 ? result.get(1) : null);
        });
        if (lookup.isPresent() && lookup.get().value() != null) {
            Telemetry.count("CacheHit");
            return shared ? readShared(lookup.get().key(), lookup.get().value(), type)
                    : read(lookup.get().value(), type);
        }
        Telemetry.count("CacheMiss");
        T value = loader.get();
        // Outside the engine region nobody invalidates this trader's entries: they live seconds, not minutes.
        long seconds = region.cacheTtl(ttl).toSeconds();
        if (!DryRun.active()) lookup.ifPresent(l -> redis.call(r -> r.setex(l.key(), seconds, write(value))));
        return value;
    }

    @SuppressWarnings("unchecked")
    private <T> T readShared(String key, String json, JavaType type) {
        Parsed last = parsed.get(key);
        if (last != null && last.json().equals(json)) return (T) last.value();
        T value = read(json, type);
        if (parsed.size() >= MAX_PARSED) parsed.clear();
        parsed.put(key, new Parsed(json, value));
        return value;
    }

    /**
     * Makes every cached view of this trader stale at once. Sent even during a cool-down: a lost invalidation would
     * let old entries be served once Redis is reachable again (up to their TTL, at most 5 minutes).
     */
    public void invalidate(String userId) {
        if (redis.write(r -> r.incr(generationKey(userId))).isEmpty() && redis.configured()) unsent.add(userId);
    }

    /** Sends invalidations lost while Redis was away; true when none is left for {@code userId}. */
    private boolean replayUnsent(String userId) {
        for (String user : unsent) {
            if (redis.call(r -> r.incr(generationKey(user))).isPresent()) unsent.remove(user);
        }
        return !unsent.contains(userId);
    }

    /**
     * The generation key and every entry key of a trader share the hash tag {@code {<user>}}, so in cluster mode they
     * live in one slot and the lookup script may read both.
     */
    private static String generationKey(String userId) {
        return "gen:{" + userId + "}";
    }

    private static <T> T read(String json, JavaType type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable cache entry", e);
        }
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot cache value", e);
        }
    }

    private record Lookup(String key, String value) {}

    private record Parsed(String json, Object value) {}
}
