package com.nija.shared.performance;

import com.nija.shared.data.Keys;
import com.nija.shared.data.RollupItem;
import com.nija.shared.data.RollupPeriod;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Hour/day/week/lifetime P&L roll-ups. Writers {@code ADD} into them atomically (no read-modify-write, so concurrent
 * fills never lose an update); readers query a key range instead of scanning trades.
 *
 * <p>Two items per close, not four: an hour's figures live in its day's item as top-level {@code h<HH>_<field>}
 * attributes and a week's in the lifetime item as {@code w<YYYY-Www>_<field>} attributes, each updated by the same
 * guarded {@code ADD} as its item (a week attribute group is ~150 bytes: two years of them stay far below the item
 * size limit).
 */
@Singleton
public class RollupRepository {
    /** The items a close updates; the hour is an attribute group of the day item. */
    private static final List<RollupPeriod> STORED = List.of(RollupPeriod.DAY, RollupPeriod.ALL);
    private static final List<String> FIELDS = List.of("realizedPnl", "fees", "closedTrades", "wins", "losses",
            "grossProfit", "grossLoss", "volume");

    private final TradingTables tables;

    public RollupRepository(TradingTables tables) {
        this.tables = tables;
    }

    /** Roll-ups of one granularity with buckets from {@code fromBucket} to {@code toBucket} inclusive, in order. */
    public List<RollupItem> range(String userId, RollupPeriod period, String fromBucket, String toBucket) {
        if (period == RollupPeriod.HOUR) return hours(userId, fromBucket, toBucket);
        if (period == RollupPeriod.WEEK) return weeks(userId, fromBucket, toBucket);
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

    /** Hour buckets (2026-11-27T13) from the day items that hold them, oldest first. */
    private List<RollupItem> hours(String userId, String fromHour, String toHour) {
        String prefix = Keys.rollupPrefix(RollupPeriod.DAY);
        List<RollupItem> out = new ArrayList<>();
        tables.client().queryPaginator(b -> b.tableName(tables.name()).consistentRead(false)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(userId)),
                                ":from", AttributeValue.fromS(prefix + day(fromHour)),
                                ":to", AttributeValue.fromS(prefix + day(toHour)))))
                .items().forEach(day -> {
                    for (int h = 0; h < 24; h++) {
                        String hour = day.get("bucket").s() + "T" + String.format("%02d", h);
                        if (hour.compareTo(fromHour) < 0 || hour.compareTo(toHour) > 0) continue;
                        if (!day.containsKey(hourAttribute(h, "closedTrades"))) continue;
                        out.add(hourItem(day, h, hour));
                    }
                });
        return out;
    }

    /** Week buckets (2026-W48) from the lifetime item's week attributes, oldest first. */
    private List<RollupItem> weeks(String userId, String fromWeek, String toWeek) {
        Map<String, AttributeValue> lifetime = tables.client().getItem(b -> b.tableName(tables.name())
                .key(Map.of("pk", AttributeValue.fromS(Keys.user(userId)),
                        "sk", AttributeValue.fromS(Keys.rollup(RollupPeriod.ALL, Instant.EPOCH))))).item();
        if (lifetime == null || lifetime.isEmpty()) return List.of();
        java.util.TreeSet<String> buckets = new java.util.TreeSet<>();
        for (String name : lifetime.keySet()) {
            if (!name.startsWith("w") || !name.endsWith("_closedTrades")) continue;
            String week = name.substring(1, name.length() - "_closedTrades".length());
            if (week.compareTo(fromWeek) >= 0 && week.compareTo(toWeek) <= 0) buckets.add(week);
        }
        return buckets.stream().map(week -> group(lifetime, f -> weekAttribute(week, f), RollupPeriod.WEEK, week))
                .toList();
    }

    private static RollupItem hourItem(Map<String, AttributeValue> day, int hour, String label) {
        return group(day, f -> hourAttribute(hour, f), RollupPeriod.HOUR, label);
    }

    /** One period's figures read out of the attribute group of the item that holds them. */
    private static RollupItem group(Map<String, AttributeValue> item, java.util.function.UnaryOperator<String> attribute,
                                    RollupPeriod period, String label) {
        Map<String, BigDecimal> v = new HashMap<>();
        for (String field : FIELDS) {
            AttributeValue a = item.get(attribute.apply(field));
            if (a != null) v.put(field, new BigDecimal(a.n()));
        }
        return new RollupItem(item.get("pk").s(), Keys.rollupPrefix(period) + label, label,
                v.get("realizedPnl"), v.get("fees"), longOf(v.get("closedTrades")), longOf(v.get("wins")),
                longOf(v.get("losses")), v.get("grossProfit"), v.get("grossLoss"), v.get("volume"), null, null);
    }

    private static Long longOf(BigDecimal v) {
        return v == null ? null : v.longValueExact();
    }

    private static String day(String hourBucket) {
        return hourBucket.substring(0, 10); // 2026-11-27T13 → 2026-11-27
    }

    /** {@code w2026-W48_realizedPnl}: a week's figure on the lifetime item. */
    static String weekAttribute(String week, String field) {
        return "w" + week + "_" + field;
    }

    /** {@code h13_realizedPnl}: an hour's figure on its day item. */
    static String hourAttribute(int hour, String field) {
        return String.format("h%02d_%s", hour, field);
    }

    public Optional<RollupItem> lifetime(String userId) {
        return Optional.ofNullable(tables.rollups().getItem(Key.builder().partitionValue(Keys.user(userId))
                .sortValue(Keys.rollup(RollupPeriod.ALL, Instant.EPOCH)).build()));
    }

    /**
     * Adds one closed round trip to the day (and, in the same write, its hour) and lifetime roll-ups. Each update is
     * guarded by the
     * closing order's id (the last one applied is remembered on the item), so re-applying the same close after a
     * crash adds nothing twice. Per-trader orders are applied one at a time (FIFO per trader), which is what makes
     * "the last one applied" sufficient.
     *
     * @param fees        all fees of the round trip (entry and exit)
     * @param realizedPnl net P&L the close realized
     */
    public void addClose(String userId, Instant at, BigDecimal fees, BigDecimal notional, BigDecimal realizedPnl,
                         String orderId) {
        closeWrites(userId, at, fees, notional, realizedPnl, orderId).forEach(Runnable::run);
    }

    /** {@link #addClose}'s updates, one per item, for a caller that sends them side by side with other writes. */
    public List<Runnable> closeWrites(String userId, Instant at, BigDecimal fees, BigDecimal notional,
                                     BigDecimal realizedPnl, String orderId) {
        return STORED.stream().<Runnable>map(period -> () -> {
            try {
                tables.client().updateItem(addRequest(userId, period, at, fees, notional, realizedPnl, orderId));
            } catch (ConditionalCheckFailedException alreadyApplied) {
                // this close reached this roll-up on an earlier attempt
            }
        }).toList();
    }

    UpdateItemRequest addRequest(String userId, RollupPeriod period, Instant at, BigDecimal fees, BigDecimal notional,
                                 BigDecimal realizedPnl, String orderId) {
        Map<String, BigDecimal> adds = new java.util.LinkedHashMap<>();
        adds.put("fees", fees);
        adds.put("volume", notional);
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
        // Every attribute goes through a #name: several (bucket, volume…) are DynamoDB reserved words.
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder expression = new StringBuilder("ADD ");
        int i = 0;
        int hour = at.atZone(ZoneOffset.UTC).getHour();
        String week = Keys.bucket(RollupPeriod.WEEK, at);
        for (Map.Entry<String, BigDecimal> add : adds.entrySet()) {
            if (i > 0) expression.append(", ");
            expression.append("#a").append(i).append(" :a").append(i);
            names.put("#a" + i, add.getKey());
            values.put(":a" + i, n(add.getValue()));
            if (period == RollupPeriod.DAY) {
                // the hour's copy of the same figure: same value placeholder, one more attribute
                expression.append(", #h").append(i).append(" :a").append(i);
                names.put("#h" + i, hourAttribute(hour, add.getKey()));
            } else if (period == RollupPeriod.ALL) {
                // the week's copy, on the lifetime item
                expression.append(", #w").append(i).append(" :a").append(i);
                names.put("#w" + i, weekAttribute(week, add.getKey()));
            }
            i++;
        }
        expression.append(" SET #bucket = :bucket, #last = :order");
        names.put("#bucket", "bucket");
        names.put("#last", "lastOrderId");
        values.put(":bucket", AttributeValue.fromS(Keys.bucket(period, at)));
        values.put(":order", AttributeValue.fromS(orderId));
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
                .conditionExpression("attribute_not_exists(#last) OR #last <> :order")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    private static AttributeValue n(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }
}
