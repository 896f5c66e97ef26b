package com.nija.shared.audit;

import com.nija.shared.data.AuditItem;
import com.nija.shared.data.AuditTables;
import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.PageKeys;
import com.nija.shared.data.Tables;
import com.nija.shared.trading.PagePosition;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * The audit table. Append and read only: there is no update or delete here, and the one write is a put on condition
 * that no record with its key exists, so a record once written is never replaced (the functions' IAM grants on this
 * table are read and PutItem only).
 */
@Singleton
public class AuditRepository {
    private static final String TARGET_PREFIX = "AUDIT#";
    private static final String MONTH_PREFIX = "MONTH#";

    private final DynamoDbTable<AuditItem> table;

    public AuditRepository(AuditTables tables) {
        this.table = tables.records();
    }

    /** Writes a record unless one with its key is there; false (the stored one left as it was) when it is. */
    public boolean append(AuditItem item) {
        return ConditionalPut.ifAbsent(table, item);
    }

    public static String partition(String target) {
        return TARGET_PREFIX + target;
    }

    public static String month(YearMonth month) {
        return MONTH_PREFIX + month;
    }

    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    /** Sort key: newest last by time (zero-padded epoch millis), then the record's id. */
    public static String sortKey(Instant at, String auditId) {
        return String.format("%013d", at.toEpochMilli()) + "#" + auditId;
    }

    /** One page of {@code target}'s records in [from, to], newest first. */
    public PagePosition.Slice<AuditItem> ofTarget(String target, Instant from, Instant to, Map<String, String> after,
                                                  int limit) {
        return first(table.query(request(partition(target), from, to, after, limit)));
    }

    /** One page of every target's records of {@code month} within [from, to], newest first (the by-month index). */
    public PagePosition.Slice<AuditItem> ofMonth(YearMonth month, Instant from, Instant to, Map<String, String> after,
                                                 int limit) {
        return first(table.index(Tables.AUDIT_BY_MONTH).query(request(month(month), from, to, after, limit)));
    }

    private static QueryEnhancedRequest request(String partition, Instant from, Instant to, Map<String, String> after,
                                                int limit) {
        // [from, to] by time: "%013d" of from sorts before every key of that millisecond, that of to + 1 ms after
        // every key of to (a prefix sorts first).
        QueryConditional range = QueryConditional.sortBetween(
                Key.builder().partitionValue(partition).sortValue(String.format("%013d", from.toEpochMilli())).build(),
                Key.builder().partitionValue(partition).sortValue(String.format("%013d", to.toEpochMilli() + 1))
                        .build());
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder().queryConditional(range)
                .scanIndexForward(false).limit(limit);
        if (after != null) request.exclusiveStartKey(PageKeys.startKey(after));
        return request.build();
    }

    private static PagePosition.Slice<AuditItem> first(Iterable<Page<AuditItem>> pages) {
        Page<AuditItem> page = pages.iterator().next();
        return new PagePosition.Slice<>(page.items(), PageKeys.lastKey(page));
    }
}
