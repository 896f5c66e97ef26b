package com.nija.shared.data;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates tables from their {@link TableDefinition} where no CDK stack does (dynalite, LocalStack). Idempotent:
 * an existing table is left alone.
 */
public final class TableProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TableProvisioner.class);

    private final DynamoDbClient client;

    public TableProvisioner(DynamoDbClient client) {
        this.client = client;
    }

    public void ensure(TableDefinition def, String tableName) {
        try {
            client.createTable(request(def, tableName));
            LOG.info("created table {}", tableName);
        } catch (ResourceInUseException exists) {
            LOG.debug("table {} exists", tableName);
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        if (def.expires()) enableTtl(def, tableName);
    }

    static CreateTableRequest request(TableDefinition def, String tableName) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        attributes.add(stringAttribute(def.partitionKey()));
        attributes.add(stringAttribute(def.sortKey()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (IndexDefinition index : def.indexes()) {
            attributes.add(stringAttribute(index.partitionKey()));
            attributes.add(stringAttribute(index.sortKey()));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(key(index.partitionKey(), KeyType.HASH), key(index.sortKey(), KeyType.RANGE))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(key(def.partitionKey(), KeyType.HASH), key(def.sortKey(), KeyType.RANGE))
                .globalSecondaryIndexes(indexes)
                .build();
    }

    private void enableTtl(TableDefinition def, String tableName) {
        try {
            client.updateTimeToLive(b -> b.tableName(tableName)
                    .timeToLiveSpecification(s -> s.attributeName(def.ttlAttribute()).enabled(true)));
        } catch (DynamoDbException e) {
            // dynalite lacks UpdateTimeToLive; the code never relies on expiry having run, so this is only housekeeping.
            LOG.debug("TTL not enabled on {}: {}", tableName, e.getMessage());
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
