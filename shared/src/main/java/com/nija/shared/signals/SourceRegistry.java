package com.nija.shared.signals;

import com.nija.shared.data.Keys;
import com.nija.shared.data.SourceItem;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Registered signal and price sources, read through a short in-memory cache (intake must answer fast). */
@Singleton
public class SourceRegistry {
    private static final long CACHE_NANOS = 30_000_000_000L;

    private final TradingTables tables;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public SourceRegistry(TradingTables tables) {
        this.tables = tables;
    }

    public Optional<SourceItem> find(String sourceId) {
        Cached c = cache.get(sourceId);
        if (c != null && System.nanoTime() - c.at < CACHE_NANOS) return Optional.ofNullable(c.item);
        SourceItem item = tables.sources().getItem(Key.builder().partitionValue(Keys.source(sourceId))
                .sortValue("SOURCE").build());
        cache.put(sourceId, new Cached(item, System.nanoTime()));
        return Optional.ofNullable(item);
    }

    /** Registers (or replaces) a source. */
    public void register(String sourceId, String kind, String secret, List<String> strategies, Instant now) {
        tables.sources().putItem(new SourceItem(Keys.source(sourceId), "SOURCE", sourceId, kind, secret, strategies, now));
        cache.remove(sourceId);
    }

    private record Cached(SourceItem item, long at) {}
}
