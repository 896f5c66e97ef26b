package com.nija.shared.notifications;

import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** A trader's notification preferences, channels and delivery log in the trading table, under their partition. */
@jakarta.inject.Singleton
public class NotificationRepository {
    private final TradingTables tables;
    private final DynamoDbTable<NotificationPreferencesItem> preferences;
    private final DynamoDbTable<NotificationChannelItem> channels;
    private final DynamoDbTable<NotificationDeliveryItem> deliveries;

    public NotificationRepository(TradingTables tables) {
        this.tables = tables;
        this.preferences = tables.table(NotificationPreferencesItem.class);
        this.channels = tables.table(NotificationChannelItem.class);
        this.deliveries = tables.table(NotificationDeliveryItem.class);
    }

    public Optional<NotificationPreferencesItem> preferences(String userId) {
        return Optional.ofNullable(preferences.getItem(r -> r.key(key(userId, Keys.NOTIFY_PREFERENCES))
                .consistentRead(true)));
    }

    /** Writes the preferences if they are still at the version read (none for a null version); false otherwise. */
    public boolean savePreferences(NotificationPreferencesItem item) {
        try {
            preferences.putItem(item);
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    public Optional<NotificationChannelItem> channel(String userId, ChannelKind kind) {
        return Optional.ofNullable(channels.getItem(r -> r.key(key(userId, Keys.notifyChannel(kind.wire())))
                .consistentRead(true)));
    }

    public List<NotificationChannelItem> channels(String userId) {
        return channels.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                        .partitionValue(Keys.user(userId)).sortValue(Keys.NOTIFY_CHANNEL_PREFIX).build()))
                .consistentRead(true)).items().stream().toList();
    }

    /** Stores (or replaces, enabled again and with its failures forgotten) a channel. */
    public void saveChannel(NotificationChannelItem item) {
        channels.putItem(item);
    }

    /** @return false when there was nothing to remove */
    public boolean deleteChannel(String userId, ChannelKind kind) {
        return channels.deleteItem(r -> r.key(key(userId, Keys.notifyChannel(kind.wire())))) != null;
    }

    /**
     * Counts one more failed attempt on the channel as it was set up at {@code createdAt} (a channel set up again
     * meanwhile starts from zero); returns the count now, or empty when the channel is gone or was replaced.
     */
    public Optional<Long> addFailure(NotificationChannelItem channel) {
        try {
            Map<String, AttributeValue> after = tables.client().updateItem(b -> b.tableName(tables.name())
                    .key(rawKey(channel))
                    .updateExpression("ADD consecutiveFailures :one")
                    .conditionExpression("createdAt = :created")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":created", AttributeValue.fromS(channel.createdAt().toString())))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return Optional.of(Long.parseLong(after.get("consecutiveFailures").n()));
        } catch (ConditionalCheckFailedException replaced) {
            return Optional.empty();
        }
    }

    /** Forgets the failures after a success; writes only when there were some. */
    public void resetFailures(NotificationChannelItem channel) {
        if (channel.consecutiveFailures() == null || channel.consecutiveFailures() == 0) return;
        try {
            tables.client().updateItem(b -> b.tableName(tables.name()).key(rawKey(channel))
                    .updateExpression("SET consecutiveFailures = :zero")
                    .conditionExpression("createdAt = :created")
                    .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"),
                            ":created", AttributeValue.fromS(channel.createdAt().toString()))));
        } catch (ConditionalCheckFailedException replaced) {
            // set up again meanwhile: its count is already fresh
        }
    }

    /** Disables the channel as set up at its {@code createdAt}; false when it was already disabled or replaced. */
    public boolean disable(NotificationChannelItem channel, String reason, Instant at) {
        try {
            tables.client().updateItem(b -> b.tableName(tables.name()).key(rawKey(channel))
                    .updateExpression("SET disabledAt = :at, disabledReason = :why")
                    .conditionExpression("createdAt = :created AND attribute_not_exists(disabledAt)")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()),
                            ":why", AttributeValue.fromS(reason),
                            ":created", AttributeValue.fromS(channel.createdAt().toString()))));
            return true;
        } catch (ConditionalCheckFailedException alreadyOrReplaced) {
            return false;
        }
    }

    /**
     * The delivery of {@code fresh}'s event on its channel: {@code fresh} itself when this call created it, else the
     * one stored by an earlier receive of the same event.
     */
    public NotificationDeliveryItem claimDelivery(NotificationDeliveryItem fresh) {
        if (ConditionalPut.ifAbsent(deliveries, fresh)) return fresh;
        NotificationDeliveryItem stored = deliveries.getItem(r -> r.key(key(fresh.userId(), fresh.sk()))
                .consistentRead(true));
        if (stored == null) throw new IllegalStateException("a delivery vanished between its claim and its read");
        return stored;
    }

    /**
     * Takes {@code seen} (read from the table) for a new attempt: marks it {@code PENDING} at {@code now}, only if no
     * other receive of the same event changed it since; returns the taken delivery, or empty when another got there.
     */
    public Optional<NotificationDeliveryItem> takeForAttempt(NotificationDeliveryItem seen, Instant now) {
        NotificationDeliveryItem taken = new NotificationDeliveryItem(seen.pk(), seen.sk(), seen.userId(),
                seen.eventId(), seen.event(), seen.channel(), DeliveryStatus.PENDING.name(), seen.attempts(),
                seen.lastError(), seen.summary(), seen.occurredAt(), now, seen.deliveredAt(), seen.expiresAt());
        Expression unchanged = Expression.builder().expression("#status = :status AND updatedAt = :updated")
                .putExpressionName("#status", "status")
                .putExpressionValue(":status", AttributeValue.fromS(seen.status()))
                .putExpressionValue(":updated", AttributeValue.fromS(seen.updatedAt().toString()))
                .build();
        try {
            deliveries.putItem(r -> r.item(taken).conditionExpression(unchanged));
            return Optional.of(taken);
        } catch (ConditionalCheckFailedException other) {
            return Optional.empty();
        }
    }

    public void saveDelivery(NotificationDeliveryItem item) {
        deliveries.putItem(item);
    }

    /**
     * The trader's deliveries, newest first, after the entry whose sort key is {@code afterSk} (null: from the newest);
     * at most {@code limit}.
     */
    public List<NotificationDeliveryItem> deliveries(String userId, String afterSk, int limit) {
        Page<NotificationDeliveryItem> page = deliveries.query(r -> {
            r.queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(Keys.user(userId))
                    .sortValue(Keys.NOTIFY_DELIVERY_PREFIX).build())).scanIndexForward(false).limit(limit);
            if (afterSk != null) {
                r.exclusiveStartKey(Map.of("pk", AttributeValue.fromS(Keys.user(userId)),
                        "sk", AttributeValue.fromS(afterSk)));
            }
        }).iterator().next();
        return page.items();
    }

    private static Key key(String userId, String sk) {
        return Key.builder().partitionValue(Keys.user(userId)).sortValue(sk).build();
    }

    private static Map<String, AttributeValue> rawKey(NotificationChannelItem channel) {
        return Map.of("pk", AttributeValue.fromS(channel.pk()), "sk", AttributeValue.fromS(channel.sk()));
    }
}
