package com.nija.shared.data;

import com.nija.shared.config.NijaConfig;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Typed handles on the trading table, one per item kind of the trading core; schemas are built once at init. Features
 * with their own item kinds (billing, live connections) take theirs from {@link #table}.
 */
@Singleton
public class TradingTables {
    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhanced;
    private final String name;
    private final DynamoDbTable<ProfileItem> profiles;
    private final DynamoDbTable<SettingsItem> settings;
    private final DynamoDbTable<PositionItem> positions;
    private final DynamoDbTable<TradeItem> trades;
    private final DynamoDbTable<RollupItem> rollups;
    private final DynamoDbTable<PriceItem> prices;
    private final DynamoDbTable<PaperOrderItem> paperOrders;
    private final DynamoDbTable<ControlItem> controls;
    private final DynamoDbTable<SourceItem> sources;
    private final DynamoDbTable<SignalItem> signals;
    private final DynamoDbTable<OrderItem> orders;

    public TradingTables(DynamoDbEnhancedClient enhanced, DynamoDbClient client, NijaConfig config) {
        this.client = client;
        this.enhanced = enhanced;
        this.name = config.getTradingTable();
        TableDefinition def = Tables.TRADING;
        profiles = enhanced.table(name, RecordTableSchema.of(ProfileItem.class, def));
        settings = enhanced.table(name, RecordTableSchema.of(SettingsItem.class, def));
        positions = enhanced.table(name, RecordTableSchema.of(PositionItem.class, def));
        trades = enhanced.table(name, RecordTableSchema.of(TradeItem.class, def));
        rollups = enhanced.table(name, RecordTableSchema.of(RollupItem.class, def));
        prices = enhanced.table(name, RecordTableSchema.of(PriceItem.class, def));
        paperOrders = enhanced.table(name, RecordTableSchema.of(PaperOrderItem.class, def));
        controls = enhanced.table(name, RecordTableSchema.of(ControlItem.class, def));
        sources = enhanced.table(name, RecordTableSchema.of(SourceItem.class, def));
        signals = enhanced.table(name, RecordTableSchema.of(SignalItem.class, def));
        orders = enhanced.table(name, RecordTableSchema.of(OrderItem.class, def));
    }

    public DynamoDbClient client() { return client; }
    public DynamoDbEnhancedClient enhanced() { return enhanced; }
    public String name() { return name; }
    public DynamoDbTable<ProfileItem> profiles() { return profiles; }
    public DynamoDbTable<SettingsItem> settings() { return settings; }
    public DynamoDbTable<PositionItem> positions() { return positions; }
    public DynamoDbTable<TradeItem> trades() { return trades; }
    public DynamoDbTable<RollupItem> rollups() { return rollups; }
    public DynamoDbTable<PriceItem> prices() { return prices; }
    public DynamoDbTable<PaperOrderItem> paperOrders() { return paperOrders; }
    public DynamoDbTable<ControlItem> controls() { return controls; }
    public DynamoDbTable<SourceItem> sources() { return sources; }
    public DynamoDbTable<SignalItem> signals() { return signals; }
    public DynamoDbTable<OrderItem> orders() { return orders; }

    /** Describes the table: a cheap call that answers only when DynamoDB does (health checks). */
    public void describe() {
        client.describeTable(b -> b.tableName(name));
    }

    /**
     * A handle on the table for an item kind a feature owns (its schema is built on every call: features keep theirs,
     * built once at init).
     */
    public <T extends Record> DynamoDbTable<T> table(Class<T> itemType) {
        return enhanced.table(name, RecordTableSchema.of(itemType, Tables.TRADING));
    }
}
