package com.nija.shared.trading;

import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradeItem;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
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
}
