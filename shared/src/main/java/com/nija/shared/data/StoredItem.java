package com.nija.shared.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One stored item as DynamoDB holds it, whatever its kind: account export and deletion handle items generically, so a
 * new kind needs an entry in their registry, not new code.
 */
public record StoredItem(Map<String, AttributeValue> attributes) {
    /** An item of string attributes (a small state record). */
    public static StoredItem ofStrings(Map<String, String> values) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        values.forEach((name, value) -> attributes.put(name, AttributeValue.fromS(value)));
        return new StoredItem(attributes);
    }

    public String string(String name) {
        AttributeValue value = attributes.get(name);
        return value == null ? null : value.s();
    }

    /** A string-set attribute's members; empty when absent. */
    public List<String> strings(String name) {
        AttributeValue value = attributes.get(name);
        return value == null || !value.hasSs() ? List.of() : value.ss();
    }

    /** The item's primary key in {@code table}, as {@code pk|sk}. */
    public String key(TableDefinition table) {
        return string(table.partitionKey()) + "|" + string(table.sortKey());
    }
}
