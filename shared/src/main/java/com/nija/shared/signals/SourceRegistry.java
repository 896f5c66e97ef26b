package com.nija.shared.signals;

import com.nija.shared.data.Keys;
import com.nija.shared.data.SourceItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.input.InputLimits;
import com.nija.shared.settings.SignalSources;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Registered signal and price sources, read through a short in-memory cache (intake must answer fast). */
@Singleton
public class SourceRegistry implements SignalSources {
    /** {@link SourceItem#kind()} of a sender of signals (the other kind sends prices). */
    public static final String SIGNALS = "SIGNALS";

    private static final long CACHE_NANOS = 30_000_000_000L;

    private final TradingTables tables;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public SourceRegistry(TradingTables tables) {
        this.tables = tables;
    }

    /** The source registered under {@code sourceId}; empty for one that is not, or is not even a source id. */
    public Optional<SourceItem> find(String sourceId) {
        if (!InputLimits.Id.SOURCE.accepts(sourceId)) return Optional.empty(); // never a key DynamoDB would refuse
        Cached c = cache.get(sourceId);
        if (c != null && System.nanoTime() - c.at < CACHE_NANOS) return Optional.ofNullable(c.item);
        SourceItem item = tables.sources().getItem(Key.builder().partitionValue(Keys.source(sourceId))
                .sortValue("SOURCE").build());
        cache.put(sourceId, new Cached(item, System.nanoTime()));
        return Optional.ofNullable(item);
    }

    @Override
    public boolean sendsSignals(String sourceId) {
        return find(sourceId).filter(s -> SIGNALS.equals(s.kind())).isPresent();
    }

    /** Registers (or replaces) a source. */
    public void register(String sourceId, String kind, String secret, List<String> strategies, Instant now) {
        tables.sources().putItem(new SourceItem(Keys.source(sourceId), "SOURCE", sourceId, kind, secret, strategies, now));
        cache.remove(sourceId);
    }

    private record Cached(SourceItem item, long at) {}
}
