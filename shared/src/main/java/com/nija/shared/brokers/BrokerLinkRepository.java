package com.nija.shared.brokers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.nija.shared.crypto.Envelope;
import com.nija.shared.data.Keys;
import com.nija.shared.data.RecordTableSchema;
import com.nija.shared.data.Tables;
import com.nija.shared.data.TradingTables;
import com.nija.shared.json.Json;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Traders' venue connections and trading mode. Credentials are sealed by the {@link Envelope} with the trader id and
 * venue as associated data, so a sealed value copied onto another trader's (or venue's) item does not open; they are
 * opened only by {@link #credentials} for the call that needs them.
 *
 * <p>Both items carry a version (optimistic locking): every change below is conditional on the item being as it was
 * read, so a key test, a reconnect, a delete and a switch to live never overwrite each other's result.
 */
@Singleton
public class BrokerLinkRepository {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};
    /** A connection may be replaced or removed only while live trading does not use it. */
    private static final Expression NOT_LIVE = Expression.builder().expression("attribute_not_exists(liveSince)").build();

    private final DynamoDbTable<BrokerLinkItem> links;
    private final DynamoDbTable<TradingModeItem> modes;
    private final Envelope envelope;

    public BrokerLinkRepository(TradingTables tables, Envelope envelope) {
        this.links = tables.table(BrokerLinkItem.class);
        this.modes = tables.table(TradingModeItem.class);
        this.envelope = envelope;
    }

    /** Stores (or replaces) {@code userId}'s connection with these credentials, unconditionally; its test is reset. */
    public BrokerLinkItem connect(String userId, VenueCredentials credentials, Instant at) {
        BrokerLinkItem item = sealed(userId, credentials, at, find(userId, credentials.venue())
                .map(BrokerLinkItem::version).orElse(null));
        links.putItem(item);
        return item;
    }

    /**
     * A connection item for {@code credentials}, sealed for {@code userId} and the venue, untested, to be written over
     * the item of {@code version} (null: none).
     */
    public BrokerLinkItem sealed(String userId, VenueCredentials credentials, Instant at, Long version) {
        Venue venue = credentials.venue();
        String sealed;
        try {
            sealed = envelope.sealText(Json.MAPPER.writeValueAsString(credentials.fields()), associatedData(userId, venue));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
        return new BrokerLinkItem(Keys.user(userId), Keys.broker(venue.wire()), userId, venue.wire(), sealed,
                credentials.keyHint(), credentials.sandbox(), at, null, null, null, null, null, version);
    }

    /**
     * Writes {@code item} where the connection is still the one of {@code item.version()} (absent for null) and live
     * trading does not use it; false (nothing written) when either changed since it was read.
     */
    public boolean replaceIfUnchanged(BrokerLinkItem item) {
        try {
            links.putItem(r -> r.item(item).conditionExpression(NOT_LIVE));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    /** The connection as stored now (a consistent read: decisions about money follow it). */
    public Optional<BrokerLinkItem> find(String userId, Venue venue) {
        return Optional.ofNullable(links.getItem(r -> r.key(key(userId, Keys.broker(venue.wire()))).consistentRead(true)));
    }

    public List<BrokerLinkItem> list(String userId) {
        return links.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                        .partitionValue(Keys.user(userId)).sortValue(Keys.BROKER_PREFIX).build())).consistentRead(true))
                .items().stream().toList();
    }

    /**
     * Records a key test's outcome on {@code tested} — only if the connection is still that key (not replaced or
     * removed meanwhile); false otherwise.
     */
    public boolean recordTest(BrokerLinkItem tested, Instant at, boolean ok, List<String> permissions,
                              List<String> problems) {
        return updateIfUnchanged(tested.withTest(at, ok, permissions, problems));
    }

    /**
     * Marks {@code link} as used by live trading since {@code at}, only if it is still the connection that was read
     * (the key whose test passed); false otherwise.
     */
    public boolean markLive(BrokerLinkItem link, Instant at) {
        return updateIfUnchanged(link.withLiveSince(at));
    }

    /** Clears the live-trading mark of {@code link} if it is still as read; false otherwise (read and retry). */
    public boolean clearLive(BrokerLinkItem link) {
        return updateIfUnchanged(link.withLiveSince(null));
    }

    /** Removes {@code link} if it is still as read and live trading does not use it; false otherwise. */
    public boolean deleteIfNotLive(BrokerLinkItem link) {
        Expression unchanged = Expression.builder()
                .expression("attribute_not_exists(liveSince) AND #version = :version")
                .putExpressionName("#version", RecordTableSchema.VERSION)
                .putExpressionValue(":version", AttributeValue.fromN(String.valueOf(link.version())))
                .build();
        try {
            links.deleteItem(r -> r.key(key(link.userId(), link.sk())).conditionExpression(unchanged));
            return true;
        } catch (ConditionalCheckFailedException inUse) {
            return false;
        }
    }

    /** {@code userId}'s credentials at {@code venue}, opened; empty when not connected. */
    public Optional<VenueCredentials> credentials(String userId, Venue venue) {
        return find(userId, venue).map(this::open);
    }

    /** @throws com.nija.shared.crypto.EnvelopeOpenException when the sealed value was altered or copied */
    public VenueCredentials open(BrokerLinkItem link) {
        Venue venue = Venue.parse(link.venue()).orElseThrow();
        String json = envelope.openText(link.sealedCredentials(), associatedData(link.userId(), venue));
        try {
            return new VenueCredentials(venue, Json.MAPPER.readValue(json, FIELDS), Boolean.TRUE.equals(link.sandbox()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sealed credentials of " + venue.wire() + " are not a JSON object");
        }
    }

    /** The trader's mode (a consistent read); paper when none was ever set. */
    public TradingModeItem mode(String userId) {
        return orPaper(userId, modes.getItem(r -> r.key(key(userId, Keys.TRADING_MODE)).consistentRead(true)));
    }

    /** As {@link #mode}, from its item read with others in one consistent batch ({@code stored} null when none). */
    public TradingModeItem mode(String userId, Map<String, AttributeValue> stored) {
        return orPaper(userId, stored == null ? null : modes.tableSchema().mapToItem(stored));
    }

    private static TradingModeItem orPaper(String userId, TradingModeItem item) {
        return item != null ? item
                : new TradingModeItem(Keys.user(userId), Keys.TRADING_MODE, userId, TradingMode.PAPER, null, null, null, null);
    }

    /** Writes the mode (conditional on its version: the item as read, or none for a null version). */
    public void setMode(TradingModeItem item) {
        modes.putItem(item);
    }

    /** As {@link #setMode}; false (nothing written) when the mode changed since {@code item} was read. */
    public boolean setModeIfUnchanged(TradingModeItem item) {
        try {
            modes.putItem(item);
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    /**
     * Every trader in live mode, a page at a time (at most {@code pageSize} each), shard after shard of the listing
     * index; pages are read as the stream is consumed.
     */
    public Stream<List<TradingModeItem>> livePages(int pageSize) {
        return IntStream.range(0, Tables.ENABLED_SHARDS).boxed().flatMap(shard -> modes.index(Tables.ENABLED_BY_SHARD)
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(
                        Keys.liveTradingShard(shard)))).limit(pageSize))
                .stream().map(Page::items).filter(items -> !items.isEmpty()));
    }

    static Map<String, String> associatedData(String userId, Venue venue) {
        return Map.of("trader", userId, "venue", venue.wire(), "kind", "BROKER_KEY");
    }

    private boolean updateIfUnchanged(BrokerLinkItem changed) {
        try {
            links.updateItem(r -> r.item(changed).ignoreNulls(false)
                    .conditionExpression(Expression.builder().expression("attribute_exists(pk)").build()));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    private static Key key(String userId, String sk) {
        return Key.builder().partitionValue(Keys.user(userId)).sortValue(sk).build();
    }
}
