package com.nija.shared.data;

import com.nija.shared.config.NijaConfig;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/** The typed handle on the audit table ({@link Tables#AUDIT}); its schema is built once at init. */
@Singleton
public class AuditTables {
    private final DynamoDbTable<AuditItem> records;

    public AuditTables(DynamoDbEnhancedClient enhanced, NijaConfig config) {
        this.records = enhanced.table(config.getAuditTable(), RecordTableSchema.of(AuditItem.class, Tables.AUDIT));
    }

    public DynamoDbTable<AuditItem> records() {
        return records;
    }
}
