package com.nija.shared.prices;

import com.nija.shared.cache.RedisGateway;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PriceItem;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;

/** Latest prices: Redis first (one MGET), DynamoDB for whatever Redis can't tell. */
@Singleton
public class PriceBook {
    private static final long HOT_TTL_SECONDS = 60;
    private final RedisGateway redis;
    private final TradingTables tables;

    public PriceBook(RedisGateway redis, TradingTables tables) {
        this.redis = redis;
        this.tables = tables;
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
        if (!missing.isEmpty()) prices.putAll(fromTable(missing));
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
