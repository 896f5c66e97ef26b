package com.nija.shared.data;

import com.nija.shared.config.NijaConfig;
import io.micronaut.core.util.SupplierUtil;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Typed handles on the trading table, one per item kind of the trading core; each schema is built once, when first used
 * (SnapStart priming runs the route, so the snapshot holds the ones it needs). Features
 * with their own item kinds (billing, live connections) take theirs from {@link #table}.
 */
@Singleton
public class TradingTables {
    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhanced;
    private final String name;
    private final Supplier<DynamoDbTable<ProfileItem>> profiles;
    private final Supplier<DynamoDbTable<SettingsItem>> settings;
    private final Supplier<DynamoDbTable<PositionItem>> positions;
    private final Supplier<DynamoDbTable<TradeItem>> trades;
    private final Supplier<DynamoDbTable<RollupItem>> rollups;
    private final Supplier<DynamoDbTable<PriceItem>> prices;
    private final Supplier<DynamoDbTable<PaperOrderItem>> paperOrders;
    private final Supplier<DynamoDbTable<ControlItem>> controls;
    private final Supplier<DynamoDbTable<SourceItem>> sources;
    private final Supplier<DynamoDbTable<SignalItem>> signals;
    private final Supplier<DynamoDbTable<OrderItem>> orders;

    public TradingTables(DynamoDbEnhancedClient enhanced, DynamoDbClient client, NijaConfig config) {
        this.client = client;
        this.enhanced = enhanced;
        this.name = config.getTradingTable();
        profiles = lazy(ProfileItem.class);
        settings = lazy(SettingsItem.class);
        positions = lazy(PositionItem.class);
        trades = lazy(TradeItem.class);
        rollups = lazy(RollupItem.class);
        prices = lazy(PriceItem.class);
        paperOrders = lazy(PaperOrderItem.class);
        controls = lazy(ControlItem.class);
        sources = lazy(SourceItem.class);
        signals = lazy(SignalItem.class);
        orders = lazy(OrderItem.class);
    }

    public DynamoDbClient client() { return client; }
    public DynamoDbEnhancedClient enhanced() { return enhanced; }
    public String name() { return name; }
    public DynamoDbTable<ProfileItem> profiles() { return profiles.get(); }
    public DynamoDbTable<SettingsItem> settings() { return settings.get(); }
    public DynamoDbTable<PositionItem> positions() { return positions.get(); }
    public DynamoDbTable<TradeItem> trades() { return trades.get(); }
    public DynamoDbTable<RollupItem> rollups() { return rollups.get(); }
    public DynamoDbTable<PriceItem> prices() { return prices.get(); }
    public DynamoDbTable<PaperOrderItem> paperOrders() { return paperOrders.get(); }
    public DynamoDbTable<ControlItem> controls() { return controls.get(); }
    public DynamoDbTable<SourceItem> sources() { return sources.get(); }
    public DynamoDbTable<SignalItem> signals() { return signals.get(); }
    public DynamoDbTable<OrderItem> orders() { return orders.get(); }

    /** A handle whose schema is built on first use, once: a function builds only the schemas its route reads. */
    private <T extends Record> Supplier<DynamoDbTable<T>> lazy(Class<T> itemType) {
        return SupplierUtil.memoized(() -> table(itemType));
    }

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
