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

    public static final List<TableDefinition> ALL = List.of(TRADING);

    private Tables() {}
}
