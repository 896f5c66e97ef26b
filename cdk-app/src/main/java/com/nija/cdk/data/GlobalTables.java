package com.nija.cdk.data;

import com.nija.cdk.config.AppConfig;
import com.nija.cdk.config.Names;
import com.nija.cdk.config.RegionRole;
import com.nija.shared.data.IndexDefinition;
import com.nija.shared.data.TableDefinition;
import com.nija.shared.data.Tables;
import java.util.LinkedHashMap;
import software.amazon.awscdk.RemovalPolicy;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Billing;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexPropsV2;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.ReplicaTableProps;
import software.amazon.awscdk.services.dynamodb.TableAttributesV2;
import software.amazon.awscdk.services.dynamodb.TableEncryptionV2;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.constructs.Construct;

/**
 * The DynamoDB tables of {@link Tables#ALL} as global tables. The primary region's stack owns each table (TableV2 with
 * one replica per other configured region); the other stacks refer to their local replica by name.
 */
public final class GlobalTables extends Construct {
    private final Map<String, ITableV2> tables = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    public GlobalTables(Construct scope, String id, AppConfig config, RegionRole role, Names naming) {
        super(scope, id);
        for (TableDefinition def : Tables.ALL) {
            String name = naming.physical(def.defaultName());
            names.put(def.id(), name);
            tables.put(def.id(), role == RegionRole.PRIMARY ? create(def, name, config) : TableV2.fromTableAttributes(
                    this, def.id(), TableAttributesV2.builder().tableName(name).grantIndexPermissions(true).build()));
        }
    }

    private TableV2 create(TableDefinition def, String name, AppConfig config) {
        boolean prod = config.stage().isProd();
        // The audit trail must outlive the data it describes (7 years, docs/AUDIT.md): never deleted with a stack,
        // whatever the stage.
        boolean kept = prod || def == Tables.AUDIT;
        List<ReplicaTableProps> replicas = config.regions().stream()
                .filter(r -> r.role() != RegionRole.PRIMARY)
                .map(r -> ReplicaTableProps.builder().region(r.region())
                        .pointInTimeRecoverySpecification(pitr()).deletionProtection(kept).build())
                .toList();
        List<GlobalSecondaryIndexPropsV2> indexes = def.indexes().stream().map(GlobalTables::index).toList();
        return TableV2.Builder.create(this, def.id())
                .tableName(name)
                .partitionKey(string(def.partitionKey()))
                .sortKey(string(def.sortKey()))
                .globalSecondaryIndexes(indexes)
                .timeToLiveAttribute(def.ttlAttribute())
                // On demand: DynamoDB scales with traffic, nothing to size (blueprint's replicas/sharding).
                .billing(Billing.onDemand())
                // RPO of seconds (blueprint asks 5 minutes); AWS Backup adds the daily 30-day copies.
                .pointInTimeRecoverySpecification(pitr())
                .deletionProtection(kept)
                .encryption(TableEncryptionV2.awsManagedKey())
                .replicas(replicas)
                // Kept on update and delete, not when its own first create rolls back (nothing to keep then, and a retained
                // empty table would make the retry fail with "already exists").
                .removalPolicy(def == Tables.AUDIT ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE
                        : config.stage().removalPolicy())
                .build();
    }

    private static PointInTimeRecoverySpecification pitr() {
        return PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build();
    }

    private static GlobalSecondaryIndexPropsV2 index(IndexDefinition def) {
        return GlobalSecondaryIndexPropsV2.builder()
                .indexName(def.name())
                .partitionKey(string(def.partitionKey()))
                .sortKey(string(def.sortKey()))
                .projectionType(ProjectionType.ALL)
                .build();
    }

    private static Attribute string(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    public ITableV2 table(String id) {
        ITableV2 t = tables.get(id);
        if (t == null) throw new IllegalArgumentException("no table " + id);
        return t;
    }

    public Map<String, ITableV2> all() {
        return java.util.Collections.unmodifiableMap(tables);
    }

    public String name(String id) {
        return names.get(id);
    }

    /** {@code NIJA_TRADING_TABLE} for table id {@code trading}: what the functions' configuration reads. */
    public static String envVar(String tableId) {
        return "NIJA_" + tableId.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_TABLE";
    }
}
