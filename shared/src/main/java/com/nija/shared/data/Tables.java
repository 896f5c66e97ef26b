package com.nija.shared.data;

import java.util.List;

/** Every table NIJA owns. Items of one trader share the partition key {@code USER#<id>}. */
public final class Tables {
    /** Open positions by symbol, for stop-loss / take-profit sweeps on a price update. Sparse: closed positions drop out. */
    public static final String OPEN_BY_SYMBOL = "gsi1-open-by-symbol";
    /** Traders with trading enabled, write-sharded so fan-out reads spread over partitions. */
    public static final String ENABLED_BY_SHARD = "gsi2-enabled-by-shard";
    /** Number of write shards of {@link #ENABLED_BY_SHARD}. */
    public static final int ENABLED_SHARDS = 16;

    public static final TableDefinition TRADING = new TableDefinition(
            "trading", "nija-trading", "pk", "sk",
            List.of(new IndexDefinition(OPEN_BY_SYMBOL, "gsi1pk", "gsi1sk"),
                    new IndexDefinition(ENABLED_BY_SHARD, "gsi2pk", "gsi2sk")),
            "expiresAt");

    /** Audit records of every trader, by month: the admin's view across traders. */
    public static final String AUDIT_BY_MONTH = "gsi1-audit-by-month";

    /**
     * The audit trail: append-only, kept at least 7 years (docs/AUDIT.md). A table of its own so it outlives the trading
     * data it describes (a restore or a wipe of the trading table leaves it alone) and has its own retention; it has
     * no TTL attribute, so DynamoDB never expires a record.
     */
    public static final TableDefinition AUDIT = new TableDefinition(
            "audit", "nija-audit", "pk", "sk",
            List.of(new IndexDefinition(AUDIT_BY_MONTH, "gsi1pk", "gsi1sk")),
            null);

    public static final List<TableDefinition> ALL = List.of(TRADING, AUDIT);

    private Tables() {}

    /** The name configuration gives a table of {@link #ALL} (CDK sets it per table, the local platform per run). */
    public static String configuredName(TableDefinition table, com.nija.shared.config.NijaConfig config) {
        if (table == TRADING) return config.getTradingTable();
        if (table == AUDIT) return config.getAuditTable();
        return table.defaultName();
    }
}
