package com.nija.shared.engine;

import com.nija.shared.account.BotState;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** NIJA pauses a trader's bot after 5 consecutive broker errors; a successful order resets the count. */
@Singleton
public class BrokerErrorTracker {
    static final int PAUSE_AFTER = 5;

    private final TradingTables tables;
    private final UserCache cache;

    public BrokerErrorTracker(TradingTables tables, UserCache cache) {
        this.tables = tables;
        this.cache = cache;
    }

    /** Counts a failure; returns true when this one paused the bot. */
    public boolean failed(String userId) {
        var updated = tables.client().updateItem(b -> b.tableName(tables.name()).key(key(userId))
                .updateExpression("ADD brokerErrors :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        long errors = Long.parseLong(updated.attributes().get("brokerErrors").n());
        if (errors < PAUSE_AFTER) return false;
        tables.client().updateItem(b -> b.tableName(tables.name()).key(key(userId))
                .updateExpression("SET botState = :paused")
                .expressionAttributeValues(Map.of(":paused", AttributeValue.fromS(BotState.PAUSED.name()))));
        cache.invalidate(userId);
        return true;
    }

    /** Resets the count after a success; costs a write only when there was something to reset. */
    public void succeeded(String userId, Long errorsBefore) {
        if (errorsBefore == null || errorsBefore == 0) return;
        tables.client().updateItem(b -> b.tableName(tables.name()).key(key(userId))
                .updateExpression("SET brokerErrors = :zero")
                .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"))));
    }

    private static Map<String, AttributeValue> key(String userId) {
        return Map.of("pk", AttributeValue.fromS(Keys.user(userId)), "sk", AttributeValue.fromS(Keys.PROFILE));
    }
}
