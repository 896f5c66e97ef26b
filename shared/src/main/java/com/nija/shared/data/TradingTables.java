package com.nija.shared.data;

import com.nija.shared.billing.BillingAccountItem;
import com.nija.shared.billing.PaymentFailureItem;
import com.nija.shared.billing.StripeCustomerItem;
import com.nija.shared.billing.StripeEventItem;
import com.nija.shared.billing.StripeInvoiceItem;
import com.nija.shared.billing.SubscriptionStateItem;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.live.ConnectionItem;
import com.nija.shared.live.PriceWatchItem;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Typed handles on the trading table, one per item kind; schemas are built once at init. */
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
    private final DynamoDbTable<ConnectionItem> connections;
    private final DynamoDbTable<PriceWatchItem> priceWatches;
    // Billing (issue 5)
    private final DynamoDbTable<StripeEventItem> stripeEvents;
    private final DynamoDbTable<StripeCustomerItem> stripeCustomers;
    private final DynamoDbTable<SubscriptionStateItem> subscriptions;
    private final DynamoDbTable<StripeInvoiceItem> invoices;
    private final DynamoDbTable<PaymentFailureItem> paymentFailures;
    private final DynamoDbTable<BillingAccountItem> billingAccounts;

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
        connections = enhanced.table(name, RecordTableSchema.of(ConnectionItem.class, def));
        priceWatches = enhanced.table(name, RecordTableSchema.of(PriceWatchItem.class, def));
        // Billing (issue 5)
        stripeEvents = enhanced.table(name, RecordTableSchema.of(StripeEventItem.class, def));
        stripeCustomers = enhanced.table(name, RecordTableSchema.of(StripeCustomerItem.class, def));
        subscriptions = enhanced.table(name, RecordTableSchema.of(SubscriptionStateItem.class, def));
        invoices = enhanced.table(name, RecordTableSchema.of(StripeInvoiceItem.class, def));
        paymentFailures = enhanced.table(name, RecordTableSchema.of(PaymentFailureItem.class, def));
        billingAccounts = enhanced.table(name, RecordTableSchema.of(BillingAccountItem.class, def));
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
    public DynamoDbTable<ConnectionItem> connections() { return connections; }
    public DynamoDbTable<PriceWatchItem> priceWatches() { return priceWatches; }
    // Billing (issue 5)
    public DynamoDbTable<StripeEventItem> stripeEvents() { return stripeEvents; }
    public DynamoDbTable<StripeCustomerItem> stripeCustomers() { return stripeCustomers; }
    public DynamoDbTable<SubscriptionStateItem> subscriptions() { return subscriptions; }
    public DynamoDbTable<StripeInvoiceItem> invoices() { return invoices; }
    public DynamoDbTable<PaymentFailureItem> paymentFailures() { return paymentFailures; }
    public DynamoDbTable<BillingAccountItem> billingAccounts() { return billingAccounts; }
}
