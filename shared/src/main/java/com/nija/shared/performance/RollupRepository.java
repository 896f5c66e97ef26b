package com.nija.shared.performance;

import com.nija.shared.data.Keys;
import com.nija.shared.data.RollupItem;
import com.nija.shared.data.RollupPeriod;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Hour/day/week/lifetime P&L roll-ups. Writers {@code ADD} into them atomically (no read-modify-write, so
 * concurrent fills never lose an update); readers query a key range instead of scanning trades.
 */
@Singleton
public class RollupRepository {
    private static final List<RollupPeriod> ALL_PERIODS = List.of(RollupPeriod.values());

    private final TradingTables tables;

    public RollupRepository(TradingTables tables) {
        this.tables = tables;
    }

    /** Roll-ups of one granularity with buckets from {@code fromBucket} to {@code toBucket} inclusive, in order. */
    public List<RollupItem> range(String userId, RollupPeriod period, String fromBucket, String toBucket) {
        String prefix = Keys.rollupPrefix(period);
        QueryConditional between = QueryConditional.sortBetween(
                Key.builder().partitionValue(Keys.user(userId)).sortValue(prefix + fromBucket).build(),
                Key.builder().partitionValue(Keys.user(userId)).sortValue(prefix + toBucket).build());
        return tables.rollups().query(r -> r.queryConditional(between)).items().stream().toList();
    }

    /** Every roll-up of one granularity, oldest first. */
    public List<RollupItem> all(String userId, RollupPeriod period) {
        QueryConditional prefix = QueryConditional.sortBeginsWith(
                Key.builder().partitionValue(Keys.user(userId)).sortValue(Keys.rollupPrefix(period)).build());
        return tables.rollups().query(r -> r.queryConditional(prefix)).items().stream().toList();
    }

    public Optional<RollupItem> lifetime(String userId) {
        return Optional.ofNullable(tables.rollups().getItem(Key.builder().partitionValue(Keys.user(userId))
                .sortValue(Keys.rollup(RollupPeriod.ALL, Instant.EPOCH)).build()));
    }

    /**
     * Adds one fill to the hour, day, week and lifetime roll-ups.
     *
     * @param realizedPnl net P&L the fill realized, or null for a fill that only opens
     */
    public void addFill(String userId, Instant at, BigDecimal fee, BigDecimal notional, BigDecimal realizedPnl) {
        for (RollupPeriod period : ALL_PERIODS) {
            tables.client().updateItem(addRequest(userId, period, at, fee, notional, realizedPnl));
        }
    }

    UpdateItemRequest addRequest(String userId, RollupPeriod period, Instant at, BigDecimal fee, BigDecimal notional,
                                 BigDecimal realizedPnl) {
        Map<String, BigDecimal> adds = new java.util.LinkedHashMap<>();
        adds.put("fills", BigDecimal.ONE);
        adds.put("fees", fee);
        adds.put("volume", notional);
        if (realizedPnl != null) {
            adds.put("realizedPnl", realizedPnl);
            adds.put("closedTrades", BigDecimal.ONE);
            int sign = realizedPnl.signum();
            if (sign > 0) {
                adds.put("wins", BigDecimal.ONE);
                adds.put("grossProfit", realizedPnl);
            } else if (sign < 0) {
                adds.put("losses", BigDecimal.ONE);
                adds.put("grossLoss", realizedPnl.negate());
            }
        }
        // Every attribute goes through a #name: several (bucket, volume…) are DynamoDB reserved words.
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder expression = new StringBuilder("ADD ");
        int i = 0;
        for (Map.Entry<String, BigDecimal> add : adds.entrySet()) {
            if (i > 0) expression.append(", ");
            expression.append("#a").append(i).append(" :a").append(i);
            names.put("#a" + i, add.getKey());
            values.put(":a" + i, n(add.getValue()));
            i++;
        }
        expression.append(" SET #bucket = :bucket");
        names.put("#bucket", "bucket");
        values.put(":bucket", AttributeValue.fromS(Keys.bucket(period, at)));
        if (period.retention() != null) {
            expression.append(", #exp = if_not_exists(#exp, :exp)");
            names.put("#exp", "expiresAt");
            values.put(":exp", AttributeValue.fromN(Long.toString(at.plus(period.retention()).getEpochSecond())));
        }
        return UpdateItemRequest.builder()
                .tableName(tables.name())
                .key(Map.of("pk", AttributeValue.fromS(Keys.user(userId)),
                        "sk", AttributeValue.fromS(Keys.rollup(period, at))))
                .updateExpression(expression.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    private static AttributeValue n(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }
}
