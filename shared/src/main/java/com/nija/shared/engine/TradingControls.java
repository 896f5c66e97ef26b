package com.nija.shared.engine;

import com.nija.shared.account.BotState;
import com.nija.shared.account.ProfileService;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A trader pausing and resuming their bot; the engine reads the state before every new order. */
@Singleton
public class TradingControls {
    private final TradingTables tables;
    private final ProfileService profiles;
    private final UserCache cache;
    private final Clock clock;

    public TradingControls(TradingTables tables, ProfileService profiles, UserCache cache, Clock clock) {
        this.tables = tables;
        this.profiles = profiles;
        this.cache = cache;
        this.clock = clock;
    }

    public BotState setBotState(String userId, BotState state) {
        profiles.ensureExists(userId);
        tables.client().updateItem(b -> b.tableName(tables.name())
                .key(Map.of("pk", AttributeValue.fromS(Keys.user(userId)), "sk", AttributeValue.fromS(Keys.PROFILE)))
                .updateExpression("SET botState = :s, updatedAt = :now, brokerErrors = :zero")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(state.name()),
                        ":now", AttributeValue.fromS(clock.instant().toString()),
                        ":zero", AttributeValue.fromN("0"))));
        cache.invalidate(userId);
        return state;
    }
}
