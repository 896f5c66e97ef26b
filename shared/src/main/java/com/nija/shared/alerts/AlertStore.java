package com.nija.shared.alerts;

import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Raised alerts in the trading table: one item per trigger key, the claim that deduplicates, and the admins' list. */
@Singleton
public class AlertStore {
    static final String LISTING = "ALERTS";
    private static final String SORT_KEY = "ALERT";

    private final DynamoDbTable<AlertItem> alerts;

    public AlertStore(TradingTables tables) {
        // A feature's own item kind: its schema is built once, here, at init.
        this.alerts = tables.table(AlertItem.class);
    }

    /**
     * Records {@code alert} unless the same key was raised within its kind's quiet period: true when this raise is
     * the one to send.
     */
    public boolean claim(OperatorAlert alert, Duration history) {
        Instant at = alert.at();
        AlertItem item = new AlertItem("ALERT#" + alert.key(), SORT_KEY, alert.kind(), alert.subject(), alert.detail(),
                at, at.plus(alert.kind().quietFor()).getEpochSecond(), LISTING, at + "#" + alert.key(),
                at.plus(history).getEpochSecond());
        Expression quietOver = Expression.builder()
                .expression("attribute_not_exists(pk) OR quietUntil <= :now")
                .expressionValues(Map.of(":now", AttributeValue.fromN(Long.toString(at.getEpochSecond()))))
                .build();
        try {
            alerts.putItem(r -> r.item(item).conditionExpression(quietOver));
            return true;
        } catch (ConditionalCheckFailedException repeat) {
            return false;
        }
    }

    /** The newest {@code limit} alerts raised, newest first (the listing is an index: a second behind at most). */
    public List<AlertItem> recent(int limit) {
        List<AlertItem> out = new ArrayList<>(limit);
        var pages = alerts.index(com.nija.shared.data.Tables.ENABLED_BY_SHARD).query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(LISTING)))
                .scanIndexForward(false).limit(limit).build());
        for (var page : pages) {
            for (AlertItem item : page.items()) {
                if (out.size() == limit) return out;
                out.add(item);
            }
        }
        return out;
    }
}
