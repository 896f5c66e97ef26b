package com.nija.shared.trading;

import com.nija.shared.data.Keys;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.util.List;
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

    /** Positions of the trader, optionally only those in a status; oldest first. */
    public List<PositionItem> list(String userId, PositionStatus status) {
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                        .partitionValue(Keys.user(userId)).sortValue(Keys.POSITION_PREFIX).build()));
        if (status != null) {
            request.filterExpression(Expression.builder()
                    .expression("#s = :s")
                    .putExpressionName("#s", "status")
                    .putExpressionValue(":s", AttributeValue.fromS(status.name()))
                    .build());
        }
        return tables.positions().query(request.build()).items().stream().toList();
    }
}
