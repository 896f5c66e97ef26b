package com.nija.shared.trading;

import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradeItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.data.PartitionBatch;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Trade history of one trader, newest first, from their partition. */
@Singleton
public class TradeRepository {
    private final TradingTables tables;

    public TradeRepository(TradingTables tables) {
        this.tables = tables;
    }

    /** Writes a trade; it is keyed by its order and fill time, so writing it again overwrites the same item. */
    public void record(TradeItem trade) {
        tables.trades().putItem(trade);
    }

    /** Writes {@code trade} unless its order's trade is there already (a retry that must not rewrite its figures). */
    public void recordIfAbsent(TradeItem trade) {
        ConditionalPut.ifAbsent(tables.trades(), trade);
    }

    /**
     * Up to {@code max} trades strictly older than {@code afterSortKey} (or the newest when null), optionally of
     * one symbol. Pages through DynamoDB as needed, since a filter can thin a page.
     */
    public List<TradeItem> newest(String userId, String symbol, String afterSortKey, int max) {
        String pk = Keys.user(userId);
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(
                        Key.builder().partitionValue(pk).sortValue(Keys.TRADE_PREFIX).build()))
                .scanIndexForward(false)
                .limit(Math.min(Math.max(max, 10), 200));
        if (afterSortKey != null) {
            request.exclusiveStartKey(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(afterSortKey)));
        }
        if (symbol != null) {
            request.filterExpression(Expression.builder().expression("symbol = :sym")
                    .putExpressionValue(":sym", AttributeValue.fromS(symbol)).build());
        }
        return tables.trades().query(request.build()).items().stream().limit(max).toList();
    }

    /**
     * Fills with {@code from <= executedAt < to}, oldest first, as pages of at most {@code pageSize} that DynamoDB
     * reads lazily as the caller iterates: only the current page is held.
     */
    public Iterable<List<TradeItem>> pagesBetween(String userId, Instant from, Instant to, int pageSize) {
        String pk = Keys.user(userId);
        // The sort key is TRADE#<13-digit millis>#<id>: [from, to) is a key range, so the query reads only the window.
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(
                        Key.builder().partitionValue(pk).sortValue(Keys.trade(from, "")).build(),
                        Key.builder().partitionValue(pk).sortValue(Keys.trade(to.minusMillis(1), "\uffff")).build()))
                .scanIndexForward(true)
                .limit(pageSize)
                .build();
        Iterable<Page<TradeItem>> pages = tables.trades().query(request);
        // A stream's iterator pulls one page at a time: nothing is read ahead.
        return () -> StreamSupport.stream(pages.spliterator(), false).map(Page::items).iterator();
    }

    /** The venue each of these orders (at most 100) of the trader went to; paper orders have none and are absent. */
    public Map<String, String> venuesOf(String userId, Collection<String> orderIds) {
        if (orderIds.isEmpty()) return Map.of();
        Map<String, Map<String, AttributeValue>> found = PartitionBatch.get(tables.client(), tables.name(),
                Keys.user(userId), orderIds.stream().map(Keys::order).distinct().toList(), false);
        Map<String, String> venues = new HashMap<>();
        for (Map<String, AttributeValue> order : found.values()) {
            AttributeValue venue = order.get("venue");
            AttributeValue id = order.get("orderId");
            if (venue != null && venue.s() != null && id != null) venues.put(id.s(), venue.s());
        }
        return venues;
    }
}
