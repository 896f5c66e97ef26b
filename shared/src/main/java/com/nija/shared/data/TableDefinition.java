package com.nija.shared.data;

import java.util.List;

/**
 * A DynamoDB table as both the local platform and the CDK app create it: one definition, two readers.
 *
 * @param id           logical id (CDK construct id, config key)
 * @param defaultName  table name when configuration names none
 * @param partitionKey string partition key attribute
 * @param sortKey      string sort key attribute
 * @param indexes      global secondary indexes
 * @param ttlAttribute epoch-seconds attribute DynamoDB's TTL deletes by (code never relies on it having run); null
 *                     for a table whose items never expire
 */
public record TableDefinition(String id, String defaultName, String partitionKey, String sortKey,
                              List<IndexDefinition> indexes, String ttlAttribute) {

    public boolean expires() {
        return ttlAttribute != null;
    }

    public IndexDefinition index(String name) {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no index " + name + " on " + id));
    }
}
