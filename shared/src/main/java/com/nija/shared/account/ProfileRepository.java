package com.nija.shared.account;

import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
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

    private void update(String userId, String expression, Map<String, AttributeValue> values) {
        tables.client().updateItem(b -> b.tableName(tables.name()).key(key(userId))
                .updateExpression(expression).expressionAttributeValues(values));
    }

    private static Map<String, AttributeValue> key(String userId) {
        return Map.of("pk", AttributeValue.fromS(Keys.user(userId)), "sk", AttributeValue.fromS(Keys.PROFILE));
    }
}
