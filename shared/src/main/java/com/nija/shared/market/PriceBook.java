package com.nija.shared.market;

import com.nija.shared.cache.RedisGateway;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PriceItem;
import com.nija.shared.data.TradingTables;
import io.lettuce.core.SetArgs;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/**
 * Latest prices: Redis first (one MGET), DynamoDB for whatever Redis can't tell. {@link #quotes} adds an in-process
 * tier for the read views, which ask for the same few prices thousands of times a second while they change a few
 * times a second at most.
 */
@Singleton
public class PriceBook {
    private static final long HOT_TTL_SECONDS = 60;
    /**
     * How old a price the read views may show: a price recorded in another process (another function in AWS) shows
     * within this; one recorded through this process shows at once.
     */
    static final long QUOTE_MAX_AGE_MILLIS = Duration.ofMillis(500).toMillis();
    private final RedisGateway redis;
    private final TradingTables tables;
    private final Clock clock;
    private final Map<String, Quote> quotes = new ConcurrentHashMap<>();

    /** A price as this process last saw it (null: none anywhere), and when it looked (by the platform clock). */
    private record Quote(BigDecimal price, long seenAtMillis) {
        boolean fresh(long now) {
            return now - seenAtMillis >= 0 && now - seenAtMillis < QUOTE_MAX_AGE_MILLIS;
        }
    }

    public PriceBook(RedisGateway redis, TradingTables tables, Clock clock) {
        this.redis = redis;
        this.tables = tables;
        this.clock = clock;
    }

    public Map<String, BigDecimal> latest(Collection<String> symbols) {
        Map<String, BigDecimal> prices = new HashMap<>();
        if (symbols.isEmpty()) return prices;
        List<String> wanted = List.copyOf(new java.util.LinkedHashSet<>(symbols));
        redis.call(r -> r.mget(wanted.stream().map(PriceBook::redisKey).toArray(String[]::new)))
                .ifPresent(values -> values.forEach(kv -> {
                    if (kv.hasValue()) prices.put(kv.getKey().substring(6), new BigDecimal(kv.getValue()));
                }));
        List<String> missing = new ArrayList<>();
        for (String s : wanted) if (!prices.containsKey(s)) missing.add(s);
        if (!missing.isEmpty()) {
            Map<String, BigDecimal> stored = fromTable(missing);
            prices.putAll(stored);
            rewarm(stored);
        }
        return prices;
    }

    /**
     * Latest prices for display (positions, dashboard): at most {@link #QUOTE_MAX_AGE_MILLIS} old, so most calls
     * cost no round trip. Trading (fills, risk checks) reads {@link #latest} instead.
     */
    public Map<String, BigDecimal> quotes(Collection<String> symbols) {
        Map<String, BigDecimal> prices = new HashMap<>();
        if (symbols.isEmpty()) return prices;
        long now = clock.millis();
        List<String> stale = null;
        for (String s : symbols) {
            Quote q = quotes.get(s);
            if (q != null && q.fresh(now)) {
                if (q.price() != null) prices.put(s, q.price());
            } else if (!prices.containsKey(s)) {
                if (stale == null) stale = new ArrayList<>();
                if (!stale.contains(s)) stale.add(s);
            }
        }
        if (stale != null) {
            Map<String, BigDecimal> looked = latest(stale);
            long seen = clock.millis();
            for (String s : stale) {
                BigDecimal price = looked.get(s);
                quotes.put(s, new Quote(price, seen));
                if (price != null) prices.put(s, price);
            }
        }
        return prices;
    }

    public Optional<BigDecimal> latest(String symbol) {
        return Optional.ofNullable(latest(List.of(symbol)).get(symbol));
    }

    /** Records a price durably and hot. */
    public void update(String symbol, BigDecimal price, Instant at) {
        tables.prices().putItem(new PriceItem(Keys.price(symbol), Keys.LATEST, symbol, price, at));
        // Hot copy expires: if a later write is lost, DynamoDB's copy takes over within a minute.
        redis.write(r -> r.setex(redisKey(symbol), HOT_TTL_SECONDS, price.toPlainString()));
        quotes.put(symbol, new Quote(price, clock.millis()));
    }

    /**
     * Records a batch of prices, at most one per symbol, durably and hot: DynamoDB in batches of 25 (one round trip each
     * instead of one per price), then Redis.
     */
    public void updateAll(Collection<PriceUpdate> latest) {
        List<PriceItem> items = latest.stream()
                .map(u -> new PriceItem(Keys.price(u.symbol()), Keys.LATEST, u.symbol(), u.price(), u.at())).toList();
        for (int from = 0; from < items.size(); from += 25) { // BatchWriteItem takes at most 25 items
            putAll(items.subList(from, Math.min(items.size(), from + 25)));
        }
        redis.write(r -> {
            for (PriceUpdate u : latest) r.setex(redisKey(u.symbol()), HOT_TTL_SECONDS, u.price().toPlainString());
            return Boolean.TRUE;
        });
        long now = clock.millis();
        for (PriceUpdate u : latest) quotes.put(u.symbol(), new Quote(u.price(), now));
    }

    /** One BatchWriteItem, repeating what DynamoDB leaves unprocessed (throttling) until everything is written. */
    private void putAll(List<PriceItem> items) {
        List<PriceItem> pending = items;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 10) throw new IllegalStateException(pending.size() + " prices left unwritten after 10 attempts");
            if (attempt > 0) java.util.concurrent.locks.LockSupport.parkNanos(attempt * 20_000_000L); // throttled: back off
            WriteBatch.Builder<PriceItem> batch = WriteBatch.builder(PriceItem.class).mappedTableResource(tables.prices());
            pending.forEach(batch::addPutItem);
            WriteBatch built = batch.build();
            pending = tables.enhanced().batchWriteItem(b -> b.writeBatches(built))
                    .unprocessedPutItemsForTable(tables.prices());
        }
    }

    /**
     * Puts prices read from DynamoDB back into Redis, so a market without recent updates costs one table read a
     * minute, not one per request. Only where Redis has none (SET NX): {@link #update} writes the table before Redis,
     * so a newer price is either already in Redis (and kept) or arrives after this (and replaces it).
     */
    private void rewarm(Map<String, BigDecimal> stored) {
        if (stored.isEmpty()) return;
        redis.call(r -> {
            for (Map.Entry<String, BigDecimal> e : stored.entrySet()) {
                r.set(redisKey(e.getKey()), e.getValue().toPlainString(), SetArgs.Builder.nx().ex(HOT_TTL_SECONDS));
            }
            return Boolean.TRUE;
        });
    }

    private Map<String, BigDecimal> fromTable(List<String> symbols) {
        Map<String, BigDecimal> found = new HashMap<>();
        for (int from = 0; from < symbols.size(); from += 100) { // BatchGetItem takes at most 100 keys
            ReadBatch.Builder<PriceItem> batch = ReadBatch.builder(PriceItem.class).mappedTableResource(tables.prices());
            symbols.subList(from, Math.min(symbols.size(), from + 100))
                    .forEach(s -> batch.addGetItem(Key.builder().partitionValue(Keys.price(s)).sortValue(Keys.LATEST).build()));
            tablesBatch(batch.build()).forEach(p -> found.put(p.symbol(), p.price()));
        }
        return found;
    }

    private List<PriceItem> tablesBatch(ReadBatch batch) {
        List<PriceItem> items = new ArrayList<>();
        tables.enhanced().batchGetItem(b -> b.readBatches(batch)).resultsForTable(tables.prices()).forEach(items::add);
        return items;
    }

    private static String redisKey(String symbol) {
        return "price:" + symbol;
    }
}
