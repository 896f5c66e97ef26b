package com.nija.shared.live;

import com.fasterxml.jackson.databind.JavaType;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.Keys;
import com.nija.shared.data.Tables;
import com.nija.shared.data.TradingTables;
import com.nija.shared.json.Json;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.NotFoundException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Open WebSocket connections in the trading table: one item per connection under its trader's partition, one
 * watch item per (market, connection) for price pushes, and a write-sharded GSI2 listing of every connection.
 * Subscriptions change with atomic set {@code ADD}/{@code DELETE}, so two subscribes never lose one another.
 * DynamoDB's TTL is not relied on (dynalite never applies it): readers skip items past {@code expiresAt}.
 *
 * <p>A trader's connection list — read on every fill — is cached in Redis under a cache namespace of its own (the
 * engine invalidates the trader's views on every fill; this list must outlive that). Every change made here bumps
 * its generation, so a push never sees a list older than the last change that reached Redis; entries live 60 s at
 * most in case a bump was lost while Redis was away. A change that decides what the trader's fills reach (opening
 * with channels, subscribe, unsubscribe) loads the list again at once, so the first push after it is a cache hit
 * instead of a query on the fill's path. That load is the ordinary cache-aside load, under the generation read
 * before it, so it can never store a list older than a later change.
 */
@Singleton
public class ConnectionRegistry {
    private static final String SUBSCRIPTIONS = "subscriptions";
    private static final Duration CACHE_TTL = Duration.ofSeconds(60);
    private static final JavaType CONNECTIONS = Json.MAPPER.getTypeFactory()
            .constructCollectionType(List.class, ConnectionItem.class);

    private final TradingTables tables;
    private final DynamoDbTable<ConnectionItem> connections;
    private final DynamoDbTable<PriceWatchItem> priceWatches;
    private final UserCache cache;

    public ConnectionRegistry(TradingTables tables, UserCache cache) {
        this.tables = tables;
        this.cache = cache;
        this.connections = tables.table(ConnectionItem.class);
        this.priceWatches = tables.table(PriceWatchItem.class);
    }

    /** Stores a new connection and a watch item for each market whose prices it starts with. */
    public void open(ConnectionItem connection) {
        connections.putItem(connection);
        changed(connection.userId());
        for (String channel : subscriptions(connection)) {
            Channels.symbolOf(channel).ifPresent(symbol -> watch(connection, symbol));
        }
        if (!subscriptions(connection).isEmpty()) warm(connection.userId());
    }

    private void watch(ConnectionItem c, String symbol) {
        priceWatches.putItem(new PriceWatchItem(Keys.priceWatch(symbol), Keys.connection(c.connectionId()),
                c.connectionId(), c.userId(), symbol, c.format(), c.expiresAt(), c.endpoint()));
    }

    public static ConnectionItem newConnection(String userId, String connectionId, Instant connectedAt,
                                               Set<String> channels, Format format, long ttlSeconds, String endpoint) {
        return new ConnectionItem(Keys.user(userId), Keys.connection(connectionId), connectionId, userId, connectedAt,
                channels == null || channels.isEmpty() ? null : Set.copyOf(channels), format.name(), null,
                Keys.liveShard(connectionId), Keys.connection(connectionId), connectedAt.getEpochSecond() + ttlSeconds,
                endpoint);
    }

    /** The connection as stored (strongly consistent), expired or not. */
    public Optional<ConnectionItem> find(String userId, String connectionId) {
        return Optional.ofNullable(connections.getItem(r -> r.key(key(userId, connectionId)).consistentRead(true)));
    }

    /** The trader's connections that have not expired, as of the last change (cached; see the class comment). */
    public List<ConnectionItem> ofUser(String userId, Instant now) {
        List<ConnectionItem> all = cache.getOrLoad(cacheUser(userId), "connections", CACHE_TTL, CONNECTIONS, () -> {
            QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                    .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(Keys.user(userId))
                            .sortValue(Keys.CONNECTION_PREFIX).build()))
                    .consistentRead(true)   // a subscribe that just returned must count
                    .build();
            return connections.query(request).items().stream().toList();
        });
        return all.stream().filter(c -> live(c.expiresAt(), now)).toList();
    }

    /** Every connection that has not expired, across the GSI2 shards (platform-wide pushes). */
    public List<ConnectionItem> all(Instant now) {
        List<ConnectionItem> out = new ArrayList<>();
        for (int shard = 0; shard < Keys.LIVE_SHARDS; shard++) {
            String partition = Keys.liveShard(shard);
            connections.index(Tables.ENABLED_BY_SHARD)
                    .query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build())))
                    .forEach(page -> page.items().stream().filter(c -> live(c.expiresAt(), now)).forEach(out::add));
        }
        return out;
    }

    /** Connections watching a market's prices, not expired. */
    public List<PriceWatchItem> watchers(String symbol, Instant now) {
        return priceWatches.query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder()
                        .partitionValue(Keys.priceWatch(symbol)).build())))
                .items().stream().filter(w -> live(w.expiresAt(), now)).toList();
    }

    /**
     * Adds channels (and switches the format when one is given); returns the connection as it now is.
     *
     * @throws NotFoundException     the connection is not open (closed, expired, or another trader's)
     * @throws InvalidInputException it would hold more than {@code maxChannels} channels
     */
    public ConnectionItem subscribe(String userId, String connectionId, Set<String> channels, Format format,
                                    int maxChannels, Instant now) {
        ConnectionItem current = openConnection(userId, connectionId, now);
        Set<String> union = new LinkedHashSet<>(subscriptions(current));
        union.addAll(channels);
        if (union.size() > maxChannels) {
            throw new InvalidInputException(List.of(new InvalidInputException.Violation("channels",
                    "a connection holds at most " + maxChannels + " channels; unsubscribe some first")), true);
        }
        Map<String, String> names = new HashMap<>(Map.of("#s", SUBSCRIPTIONS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", AttributeValue.fromSs(List.copyOf(channels))));
        String expression = "ADD #s :s";
        if (format != null) {
            names.put("#f", "format");
            values.put(":f", AttributeValue.fromS(format.name()));
            expression += " SET #f = :f";
        }
        ConnectionItem updated = update(userId, connectionId, expression, names, values);
        changed(userId);
        warm(userId);
        boolean formatChanged = format != null && !format.name().equals(current.format());
        for (String channel : subscriptions(updated)) {
            Optional<String> symbol = Channels.symbolOf(channel);
            if (symbol.isPresent() && (channels.contains(channel) || formatChanged)) watch(updated, symbol.get());
        }
        return updated;
    }

    /** Removes channels (those not held are ignored); returns the connection as it now is. */
    public ConnectionItem unsubscribe(String userId, String connectionId, Set<String> channels, Instant now) {
        openConnection(userId, connectionId, now);
        ConnectionItem updated = update(userId, connectionId, "DELETE #s :s", Map.of("#s", SUBSCRIPTIONS),
                Map.of(":s", AttributeValue.fromSs(List.copyOf(channels))));
        changed(userId);
        warm(userId);
        for (String channel : channels) {
            Channels.symbolOf(channel).ifPresent(symbol -> forgetWatch(symbol, connectionId));
        }
        return updated;
    }

    /** Removes the connection and its price watches. Idempotent: closing a closed connection does nothing. */
    public void close(String userId, String connectionId) {
        find(userId, connectionId).ifPresent(c -> {
            for (String channel : subscriptions(c)) {
                Channels.symbolOf(channel).ifPresent(symbol -> forgetWatch(symbol, connectionId));
            }
        });
        connections.deleteItem(key(userId, connectionId));
        changed(userId);
    }

    /** Removes one price watch (its connection is gone, or no longer watches the market). */
    public void forgetWatch(String symbol, String connectionId) {
        priceWatches.deleteItem(Key.builder().partitionValue(Keys.priceWatch(symbol))
                .sortValue(Keys.connection(connectionId)).build());
    }

    /**
     * The next sequence number of a connection kept on its item ({@code ADD seq 1}): the fallback when Redis is
     * unavailable. Empty when the connection is no longer stored.
     */
    public OptionalLong nextSequence(String userId, String connectionId) {
        try {
            UpdateItemResponse response = tables.client().updateItem(b -> b.tableName(tables.name())
                    .key(Map.of("pk", AttributeValue.fromS(Keys.user(userId)),
                            "sk", AttributeValue.fromS(Keys.connection(connectionId))))
                    .updateExpression("ADD #q :one")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#q", "seq"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                    .returnValues(ReturnValue.UPDATED_NEW));
            return OptionalLong.of(Long.parseLong(response.attributes().get("seq").n()));
        } catch (ConditionalCheckFailedException gone) {
            return OptionalLong.empty();
        }
    }

    public static Set<String> subscriptions(ConnectionItem c) {
        return c.subscriptions() == null ? Set.of() : c.subscriptions();
    }

    /** True while an item with this {@code expiresAt} (epoch seconds; null = never) is still valid at {@code now}. */
    static boolean live(Long expiresAt, Instant now) {
        return expiresAt == null || expiresAt > now.getEpochSecond();
    }

    /** Makes every cached connection list of the trader stale. */
    private void changed(String userId) {
        cache.invalidate(cacheUser(userId));
    }

    /** Loads the trader's connection list into the cache (see the class comment). */
    private void warm(String userId) {
        ofUser(userId, Instant.EPOCH);
    }

    /** The cache namespace of a trader's connections: apart from their views, which every fill invalidates. */
    private static String cacheUser(String userId) {
        return "live:" + userId;
    }

    private ConnectionItem openConnection(String userId, String connectionId, Instant now) {
        return find(userId, connectionId).filter(c -> live(c.expiresAt(), now))
                .orElseThrow(() -> new NotFoundException("connection " + connectionId + " is not open"));
    }

    private ConnectionItem update(String userId, String connectionId, String expression, Map<String, String> names,
                                  Map<String, AttributeValue> values) {
        try {
            UpdateItemResponse response = tables.client().updateItem(b -> b.tableName(tables.name())
                    .key(Map.of("pk", AttributeValue.fromS(Keys.user(userId)),
                            "sk", AttributeValue.fromS(Keys.connection(connectionId))))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW));
            return connections.tableSchema().mapToItem(response.attributes());
        } catch (ConditionalCheckFailedException closed) {
            throw new NotFoundException("connection " + connectionId + " is not open");
        }
    }

    private static Key key(String userId, String connectionId) {
        return Key.builder().partitionValue(Keys.user(userId)).sortValue(Keys.connection(connectionId)).build();
    }
}
