package com.nija.shared.signals;

import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Sources' last-heard times: one small item per source, only ever moved forward. */
@Singleton
public class SourceActivityStore {
    static final String SORT_KEY = "ACTIVITY";

    private final TradingTables tables;
    private final DynamoDbTable<SourceActivityItem> items;

    public SourceActivityStore(TradingTables tables) {
        this.tables = tables;
        this.items = tables.table(SourceActivityItem.class);
    }

    /** Records that {@code sourceId} was heard at {@code at}, unless a later time is stored already. */
    public void heard(String sourceId, Instant at) {
        try {
            tables.client().updateItem(b -> b.tableName(tables.name())
                    .key(Map.of("pk", AttributeValue.fromS(Keys.source(sourceId)), "sk", AttributeValue.fromS(SORT_KEY)))
                    .updateExpression("SET lastHeardAt = :at, sourceId = :id")
                    .conditionExpression("attribute_not_exists(lastHeardAt) OR lastHeardAt < :at")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromN(Long.toString(at.getEpochSecond())),
                            ":id", AttributeValue.fromS(sourceId))));
        } catch (ConditionalCheckFailedException later) {
            // Another function recorded a later time: nothing to move.
        }
    }

    /** When {@code sourceId} was last heard from; empty when never (since this was recorded). */
    public Optional<Instant> lastHeard(String sourceId) {
        SourceActivityItem item = items.getItem(Key.builder().partitionValue(Keys.source(sourceId)).sortValue(SORT_KEY)
                .build());
        return Optional.ofNullable(item).map(SourceActivityItem::lastHeardAt).map(Instant::ofEpochSecond);
    }
}
