package com.nija.shared.signals;

import com.nija.shared.crypto.EnvelopeOpenException;
import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.Keys;
import com.nija.shared.data.SourceItem;
import com.nija.shared.data.Tables;
import com.nija.shared.data.TradingTables;
import com.nija.shared.input.InputLimits;
import com.nija.shared.settings.SignalSources;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Registered signal and price sources, read through a short in-memory cache (intake must answer fast). Secrets are
 * opened (a KMS call in AWS) only when a request is verified, and again only after they change; reading whether a
 * source exists never opens anything.
 */
@Singleton
public class SourceRegistry implements SignalSources {
    /** {@link SourceItem#kind()} of a sender of signals (the other kind sends prices). */
    public static final String SIGNALS = "SIGNALS";
    /** {@code gsi2pk} of every source item: the listing of all sources. */
    public static final String LISTING = "SOURCES";
    static final String SORT_KEY = "SOURCE";

    private static final Logger LOG = LoggerFactory.getLogger(SourceRegistry.class);
    private static final long CACHE_NANOS = 30_000_000_000L;
    /**
     * A failed verification re-reads a copy older than this once: a source created, rotated or enabled a moment ago
     * in another function is accepted at once, while a flood of bad signatures costs at most one read per 5 s.
     */
    private static final long RELOAD_NANOS = 5_000_000_000L;

    private final TradingTables tables;
    private final SourceSecrets secrets;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public SourceRegistry(TradingTables tables, SourceSecrets secrets) {
        this.tables = tables;
        this.secrets = secrets;
    }

    /** The source registered under {@code sourceId}; empty for one that is not, or is not even a source id. */
    public Optional<SourceItem> find(String sourceId) {
        return Optional.ofNullable(cached(sourceId)).map(Cached::item);
    }

    @Override
    public boolean sendsSignals(String sourceId) {
        return find(sourceId).filter(s -> SIGNALS.equals(s.kind())).isPresent();
    }

    /**
     * The enabled source of {@code kind} registered under {@code sourceId} when one of its secrets valid at
     * {@code now} passes {@code check} (the current one; the previous one too until its overlap ends). Every valid
     * secret is checked, whichever matches, so timing tells nothing about which did.
     */
    public Optional<VerifiedSource> verify(String sourceId, String kind, Instant now, Predicate<String> check) {
        Cached c = cached(sourceId);
        if (c == null) return Optional.empty(); // not a source id at all
        Optional<VerifiedSource> verified = c.verify(kind, now, check);
        if (verified.isEmpty() && System.nanoTime() - c.at > RELOAD_NANOS) {
            verified = load(sourceId).verify(kind, now, check);
        }
        return verified;
    }

    /**
     * Registers a source with a secret of the caller's choosing (the local platform's demo sources, tests), replacing
     * one registered under the same id. Sources in AWS are created through {@link SourceAdmin}.
     */
    public void register(String sourceId, String kind, String secret, List<String> strategies, Instant now) {
        register(sourceId, kind, secret, strategies, null, now);
    }

    /** As {@link #register(String, String, String, List, Instant)}, with its own rate limit (null: the default). */
    public void register(String sourceId, String kind, String secret, List<String> strategies,
                         Integer rateLimitPerMinute, Instant now) {
        for (int attempt = 0; ; attempt++) {
            SourceItem current = read(sourceId);
            SourceItem item = new SourceItem(Keys.source(sourceId), SORT_KEY, sourceId, kind, null, strategies, now,
                    secrets.seal(sourceId, kind, secret), null, null, null, null, LISTING, Keys.source(sourceId),
                    current == null ? null : current.version(), rateLimitPerMinute);
            try {
                tables.sources().putItem(item);
                forget(sourceId);
                return;
            } catch (ConditionalCheckFailedException raced) {
                if (attempt >= 2) throw raced;
            }
        }
    }

    /** The stored item, read past the cache (admin changes start from what is stored). */
    SourceItem read(String sourceId) {
        return tables.sources().getItem(r -> r.key(Key.builder().partitionValue(Keys.source(sourceId))
                .sortValue(SORT_KEY).build()).consistentRead(true));
    }

    /** Writes a new source unless one with its id exists (even one written before sources had versions). */
    boolean createIfAbsent(SourceItem item) {
        boolean created = ConditionalPut.ifAbsent(tables.sources(), item);
        if (created) forget(item.sourceId());
        return created;
    }

    /** Writes {@code changed} unless someone changed the source since it was read (its version attribute). */
    boolean replaceIfUnchanged(SourceItem changed) {
        try {
            tables.sources().putItem(changed);
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
        forget(changed.sourceId());
        return true;
    }

    /** Every listed source (the listing is an index, so a source created a moment ago may take a second to show). */
    List<SourceItem> listed() {
        List<SourceItem> out = new java.util.ArrayList<>();
        tables.sources().index(Tables.ENABLED_BY_SHARD)
                .query(QueryConditional.keyEqualTo(k -> k.partitionValue(LISTING)))
                .forEach(page -> out.addAll(page.items()));
        return out;
    }

    /** Drops this function's cached copy after a change, so its next request sees the change. */
    void forget(String sourceId) {
        cache.remove(sourceId);
    }

    private Cached cached(String sourceId) {
        if (!InputLimits.Id.SOURCE.accepts(sourceId)) return null; // never a key DynamoDB would refuse
        Cached c = cache.get(sourceId);
        if (c != null && System.nanoTime() - c.at < CACHE_NANOS) return c;
        return load(sourceId);
    }

    private Cached load(String sourceId) {
        SourceItem item = tables.sources().getItem(Key.builder().partitionValue(Keys.source(sourceId))
                .sortValue(SORT_KEY).build());
        Cached c = new Cached(item, System.nanoTime());
        Cached before = cache.put(sourceId, c);
        // Secrets unchanged since the last read: keep them open, so KMS is asked again only after a rotation.
        if (before != null && before.opened != null && sameSecrets(before.item, item)) c.opened = before.opened;
        return c;
    }

    private static boolean sameSecrets(SourceItem a, SourceItem b) {
        return a != null && b != null && Objects.equals(a.sealedSecret(), b.sealedSecret())
                && Objects.equals(a.previousSealedSecret(), b.previousSealedSecret())
                && Objects.equals(a.secret(), b.secret());
    }

    /** One source as this function last read it, with its secrets opened on first use. */
    private final class Cached {
        private final SourceItem item;
        private final long at;
        private volatile Opened opened;

        Cached(SourceItem item, long at) {
            this.item = item;
            this.at = at;
        }

        SourceItem item() {
            return item;
        }

        Optional<VerifiedSource> verify(String kind, Instant now, Predicate<String> check) {
            if (item == null || !item.enabled() || !kind.equals(item.kind())) return Optional.empty();
            Opened o = opened();
            if (o == null) return Optional.empty();
            boolean ok = false;
            for (String secret : o.validAt(item, now)) ok |= check.test(secret);
            return ok ? Optional.of(new VerifiedSource(item.sourceId(), item.kind(), item.strategies(),
                    item.rateLimitPerMinute())) : Optional.empty();
        }

        private Opened opened() {
            Opened o = opened;
            if (o != null) return o;
            try {
                String current = item.sealedSecret() != null
                        ? secrets.open(item.sourceId(), item.kind(), item.sealedSecret()) : item.secret();
                String previous = item.previousSealedSecret() == null ? null
                        : secrets.open(item.sourceId(), item.kind(), item.previousSealedSecret());
                o = new Opened(current, previous);
            } catch (EnvelopeOpenException e) {
                // An item altered in the table (or sealed under another key): refuse the source, tell ops.
                LOG.error("the stored secret of source {} does not open: {}", item.sourceId(), e.getMessage());
                return null;
            }
            opened = o;
            return o;
        }
    }

    /** A source's secrets in plain: the current one and, after a rotation, the previous one. */
    private record Opened(String current, String previous) {
        @Override
        public String toString() {
            return "Opened[secrets hidden]"; // never a secret in a log line or a debugger's summary
        }

        List<String> validAt(SourceItem item, Instant now) {
            List<String> valid = new ArrayList<>(2);
            if (current != null) valid.add(current);
            if (previous != null && item.previousSecretUntil() != null && now.isBefore(item.previousSecretUntil())) {
                valid.add(previous);
            }
            return valid;
        }
    }
}
