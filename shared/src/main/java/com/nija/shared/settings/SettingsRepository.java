package com.nija.shared.settings;

import com.nija.shared.data.Keys;
import com.nija.shared.data.SettingsItem;
import com.nija.shared.data.Tables;
import com.nija.shared.data.TradingTables;
import com.nija.shared.problem.VersionConflictException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Traders' risk settings: one item per trader, written with optimistic locking; those with trading on are also in the
 * write-sharded enabled-traders index ({@link Tables#ENABLED_SHARDS} shards), where fan-out finds a source's followers.
 */
@Singleton
public class SettingsRepository {
    private final TradingTables tables;

    public SettingsRepository(TradingTables tables) {
        this.tables = tables;
    }

    public Optional<SettingsItem> find(String userId) {
        return Optional.ofNullable(tables.settings().getItem(Key.builder()
                .partitionValue(Keys.user(userId)).sortValue(Keys.SETTINGS).build()));
    }

    /**
     * Replaces the settings if their stored version is still {@code item}'s (a null version: none stored yet).
     *
     * @throws VersionConflictException when someone saved in between (nothing written)
     */
    public void replace(SettingsItem item) {
        try {
            tables.settings().putItem(item); // VersionedRecordExtension adds the version condition and increments it
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException("settings changed since version "
                    + (item.version() == null ? 0 : item.version()) + "; read them again");
        }
    }

    /**
     * The traders in one shard of the enabled-traders index who follow {@code source}. Filtered in DynamoDB, so only
     * followers come back over the wire; the index carries the settings, so callers need no further read.
     */
    public List<SettingsItem> followers(String source, int shard) {
        Expression following = Expression.builder()
                .expression("tradingEnabled = :on AND contains(subscriptions, :source)")
                .putExpressionValue(":on", AttributeValue.fromBool(true))
                .putExpressionValue(":source", AttributeValue.fromS(source))
                .build();
        return tables.settings().index(Tables.ENABLED_BY_SHARD)
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder()
                                .partitionValue("ENABLED#" + shard).build()))
                        .filterExpression(following))
                .stream().flatMap(p -> p.items().stream()).toList();
    }
}
