package com.nija.shared.account;

import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import com.nija.shared.data.PageKeys;
import com.nija.shared.data.Tables;
import com.nija.shared.trading.PagePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Traders' profiles. The bot state and the broker-error count are updated in place, attribute by attribute, so
 * they never overwrite the rest of the profile (billing writes the plan onto it).
 */
@Singleton
public class ProfileRepository {
    private final TradingTables tables;

    public ProfileRepository(TradingTables tables) {
        this.tables = tables;
    }

    public Optional<ProfileItem> find(String userId) {
        return Optional.ofNullable(tables.profiles().getItem(Key.builder()
                .partitionValue(Keys.user(userId)).sortValue(Keys.PROFILE).build()));
    }

    /** Writes a profile unless the trader has one; false (and nothing written) when they do. */
    public boolean createIfAbsent(ProfileItem profile) {
        return ConditionalPut.ifAbsent(tables.profiles(), profile);
    }

    /** The trader set their bot's state: it starts again with a clean broker-error count. */
    public void setBotState(String userId, BotState state, Instant at) {
        update(userId, "SET botState = :s, updatedAt = :now, brokerErrors = :zero", Map.of(
                ":s", AttributeValue.fromS(state.name()),
                ":now", AttributeValue.fromS(at.toString()),
                ":zero", AttributeValue.fromN("0")));
    }

    /** Counts one more consecutive broker error; returns the count now. */
    public long addBrokerError(String userId) {
        var updated = tables.client().updateItem(b -> b.tableName(tables.name()).key(key(userId))
                .updateExpression("ADD brokerErrors :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(updated.attributes().get("brokerErrors").n());
    }

    /** NIJA paused the bot (the error count stays, for the trader to see). */
    public void pause(String userId) {
        update(userId, "SET botState = :paused", Map.of(":paused", AttributeValue.fromS(BotState.PAUSED.name())));
    }

    public void resetBrokerErrors(String userId) {
        update(userId, "SET brokerErrors = :zero", Map.of(":zero", AttributeValue.fromN("0")));
    }

    /**
     * One page of the trader directory ({@link ProfileItem#DIRECTORY}, in id order): ids starting with {@code prefix}
     * (null: all), only those of {@code tier} and {@code status} when given. At most {@code limit} entries are read,
     * so a filter may answer fewer with a key to go on after.
     */
    public PagePosition.Slice<ProfileItem> directory(String prefix, String tier, String status,
                                                      Map<String, String> after, int limit) {
        Key.Builder key = Key.builder().partitionValue(ProfileItem.DIRECTORY);
        QueryConditional condition = prefix == null || prefix.isEmpty() ? QueryConditional.keyEqualTo(key.build())
                : QueryConditional.sortBeginsWith(key.sortValue(prefix).build());
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder().queryConditional(condition).limit(limit);
        List<String> clauses = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        if (tier != null) {
            clauses.add("tier = :tier");
            values.put(":tier", AttributeValue.fromS(tier));
        }
        if (status != null) {
            clauses.add("subscriptionStatus = :status");
            values.put(":status", AttributeValue.fromS(status));
        }
        if (!clauses.isEmpty()) {
            request.filterExpression(Expression.builder().expression(String.join(" AND ", clauses))
                    .expressionValues(values).build());
        }
        if (after != null) request.exclusiveStartKey(PageKeys.startKey(after));
        Page<ProfileItem> page = tables.profiles().index(Tables.ENABLED_BY_SHARD).query(request.build())
                .iterator().next();
        return new PagePosition.Slice<>(page.items(), PageKeys.lastKey(page));
    }

    private void update(String userId, String expression, Map<String, AttributeValue> values) {
        tables.client().updateItem(b -> b.tableName(tables.name()).key(key(userId))
                .updateExpression(expression).expressionAttributeValues(values));
    }

    private static Map<String, AttributeValue> key(String userId) {
        return Map.of("pk", AttributeValue.fromS(Keys.user(userId)), "sk", AttributeValue.fromS(Keys.PROFILE));
    }
}
