package com.nija.shared.leaving;

import com.nija.shared.data.StoredItem;

import com.nija.shared.data.TableDefinition;
import com.nija.shared.data.Tables;
import com.nija.shared.data.TradingTables;
import com.nija.shared.config.NijaConfig;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Raw reads and writes of a trader's items in NIJA's tables, a page at a time, for export and erasure. Raw attribute
 * maps rather than typed items, so one path serves every kind in {@link TraderDataRegistry}.
 */
@Singleton
public class TraderItemsRegistry {
    /** Items one query page holds: what an export or an erasure has in memory at once. */
    static final int PAGE_SIZE = 100;

    private final DynamoDbClient client;
    private final NijaConfig config;

    public TraderItemsRegistry(TradingTables tables, NijaConfig config) {
        this.client = tables.client();
        this.config = config;
    }

    /** The items of {@code partition} whose sort key starts with {@code sortPrefix} (all when empty), page by page. */
    public Iterable<List<StoredItem>> pages(TableDefinition table, String partition, String sortPrefix) {
        return query(table, null, table.partitionKey(), partition, sortPrefix);
    }

    /** Items of a global secondary index's partition, page by page (indexes project every attribute). */
    public Iterable<List<StoredItem>> indexPages(TableDefinition table, String index, String partition) {
        return query(table, index, table.index(index).partitionKey(), partition, "");
    }

    public java.util.Optional<StoredItem> get(TableDefinition table, String partition, String sort) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(name(table)).consistentRead(true)
                .key(Map.of(table.partitionKey(), AttributeValue.fromS(partition),
                        table.sortKey(), AttributeValue.fromS(sort)))).item();
        return item == null || item.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new StoredItem(item));
    }

    /** Writes the item whole (a retried write leaves the same item). */
    public void put(TableDefinition table, StoredItem item) {
        client.putItem(b -> b.tableName(name(table)).item(item.attributes()));
    }

    /** Deletes the item with {@code item}'s key; deleting one already gone does nothing. */
    public void delete(TableDefinition table, StoredItem item) {
        client.deleteItem(b -> b.tableName(name(table)).key(Map.of(
                table.partitionKey(), item.attributes().get(table.partitionKey()),
                table.sortKey(), item.attributes().get(table.sortKey()))));
    }

    private Iterable<List<StoredItem>> query(TableDefinition table, String index, String keyName, String partition,
                                             String sortPrefix) {
        Map<String, String> names = new HashMap<>(Map.of("#p", keyName));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", AttributeValue.fromS(partition)));
        String condition = "#p = :p";
        if (!sortPrefix.isEmpty()) {
            names.put("#s", table.sortKey());
            values.put(":s", AttributeValue.fromS(sortPrefix));
            condition += " AND begins_with(#s, :s)";
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(name(table)).keyConditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values).limit(PAGE_SIZE);
        if (index != null) request.indexName(index);
        else request.consistentRead(true);
        return () -> client.queryPaginator(request.build()).stream()
                .map(page -> page.items().stream().map(StoredItem::new).toList()).iterator();
    }

    private String name(TableDefinition table) {
        return Tables.configuredName(table, config);
    }
}
