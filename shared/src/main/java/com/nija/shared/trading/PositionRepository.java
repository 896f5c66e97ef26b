package com.nija.shared.trading;

import com.nija.shared.data.Keys;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A trader's positions: one query on their partition, never a scan. */
@Singleton
public class PositionRepository {
    private final TradingTables tables;

    public PositionRepository(TradingTables tables) {
        this.tables = tables;
    }

    /** Positions of the trader, optionally only those in a status; in position-id order. */
    public List<PositionItem> list(String userId, PositionStatus status) {
        QueryEnhancedRequest.Builder request = query(userId);
        if (status != null) request.filterExpression(inStatus(status));
        return tables.positions().query(request.build()).items().stream().toList();
    }

    /**
     * Up to {@code max} positions in {@code status} that come after {@code afterSortKey} (from the first when null),
     * in position-id order. Pages through DynamoDB as needed, since the status filter can thin a page.
     */
    public List<PositionItem> page(String userId, PositionStatus status, String afterSortKey, int max) {
        QueryEnhancedRequest.Builder request = query(userId).filterExpression(inStatus(status))
                .limit(Math.min(Math.max(max, 10), 200));
        if (afterSortKey != null) {
            request.exclusiveStartKey(Map.of("pk", AttributeValue.fromS(Keys.user(userId)),
                    "sk", AttributeValue.fromS(afterSortKey)));
        }
        return tables.positions().query(request.build()).items().stream().limit(max).toList();
    }

    private static QueryEnhancedRequest.Builder query(String userId) {
        return QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                .partitionValue(Keys.user(userId)).sortValue(Keys.POSITION_PREFIX).build()));
    }

    private static Expression inStatus(PositionStatus status) {
        return Expression.builder()
                .expression("#s = :s")
                .putExpressionName("#s", "status")
                .putExpressionValue(":s", AttributeValue.fromS(status.name()))
                .build();
    }
}
