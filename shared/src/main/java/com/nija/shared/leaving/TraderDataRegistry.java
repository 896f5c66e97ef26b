package com.nija.shared.leaving;

import com.nija.shared.data.StoredItem;

import static com.nija.shared.data.Tables.AUDIT;
import static com.nija.shared.data.Tables.TRADING;

import com.nija.shared.alerts.AlertItem;
import com.nija.shared.audit.AuditRepository;
import com.nija.shared.graduation.GraduationWaiverItem;
import com.nija.shared.notifications.NotificationChannelItem;
import com.nija.shared.notifications.NotificationDeliveryItem;
import com.nija.shared.notifications.NotificationPreferencesItem;
import com.nija.shared.protections.ProtectionSettingsItem;
import com.nija.shared.protections.ProtectionStateItem;
import com.nija.shared.signals.SourceActivityItem;
import com.nija.shared.signup.TermsAcceptanceItem;
import com.nija.shared.billing.BillingAccountItem;
import com.nija.shared.billing.PaymentFailureItem;
import com.nija.shared.billing.StripeCustomerItem;
import com.nija.shared.billing.StripeEventItem;
import com.nija.shared.billing.StripeInvoiceItem;
import com.nija.shared.billing.SubscriptionStateItem;
import com.nija.shared.brokers.BrokerLinkItem;
import com.nija.shared.brokers.TradingModeItem;
import com.nija.shared.data.AuditItem;
import com.nija.shared.data.CandleDayItem;
import com.nija.shared.data.ControlItem;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PaperOrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.PriceItem;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.RollupItem;
import com.nija.shared.data.SettingsItem;
import com.nija.shared.data.SignalItem;
import com.nija.shared.data.SourceItem;
import com.nija.shared.data.Tables;
import com.nija.shared.data.TradeItem;
import com.nija.shared.live.Channels;
import com.nija.shared.live.ConnectionItem;
import com.nija.shared.live.PriceWatchItem;
import com.nija.shared.trading.PositionStatus;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What NIJA stores about a trader: one entry per item kind, saying where a trader's items are, what the export shows
 * and what deleting the account does (delete, or keep under a pseudonym). A feature that adds an item kind adds one
 * entry here ({@code TraderDataRegistryTest} fails until it does). Entries run in order: kinds found through another
 * kind's items come before it (price watches before connections, Stripe records before the customer links).
 */
@Singleton
public class TraderDataRegistry {
    private final List<TraderData> entries = List.of(
            TraderData.of("profile", ProfileItem.class, TRADING, own(Keys.PROFILE), Erasure.DELETE),
            TraderData.of("settings", SettingsItem.class, TRADING, own(Keys.SETTINGS), Erasure.DELETE),
            TraderData.of("trading-mode", TradingModeItem.class, TRADING, own(Keys.TRADING_MODE), Erasure.DELETE),
            TraderData.of("broker-connections", BrokerLinkItem.class, TRADING, own(Keys.BROKER_PREFIX), Erasure.DELETE)
                    .hiding("sealedCredentials"),
            TraderData.of("price-watches", PriceWatchItem.class, TRADING, TraderDataRegistry::priceWatches,
                    Erasure.DELETE),
            TraderData.of("live-connections", ConnectionItem.class, TRADING, own(Keys.CONNECTION_PREFIX),
                    Erasure.DELETE),
            TraderData.of("paper-orders", PaperOrderItem.class, TRADING,
                    (items, user, pseudonym) -> items.pages(TRADING, Keys.paperOrders(user), ""), Erasure.DELETE),
            TraderData.of("positions", PositionItem.class, TRADING, own(Keys.POSITION_PREFIX), Erasure.PSEUDONYMISE)
                    .discarding(p -> PositionStatus.OPEN.name().equals(p.string("status"))),
            TraderData.of("orders", OrderItem.class, TRADING, own(Keys.ORDER_PREFIX), Erasure.PSEUDONYMISE),
            TraderData.of("trades", TradeItem.class, TRADING, own(Keys.TRADE_PREFIX), Erasure.PSEUDONYMISE),
            TraderData.of("rollups", RollupItem.class, TRADING, own(Keys.ROLLUP_PREFIX), Erasure.DELETE),
            TraderData.of("protections", ProtectionSettingsItem.class, TRADING, own(Keys.PROTECTIONS), Erasure.DELETE),
            TraderData.of("protection-state", ProtectionStateItem.class, TRADING, own(Keys.PROTECTION_STATE),
                    Erasure.DELETE),
            TraderData.of("notification-preferences", NotificationPreferencesItem.class, TRADING,
                    own(Keys.NOTIFY_PREFERENCES), Erasure.DELETE),
            TraderData.of("notification-channels", NotificationChannelItem.class, TRADING,
                    own(Keys.NOTIFY_CHANNEL_PREFIX), Erasure.DELETE).hiding("sealed"),
            TraderData.of("notification-log", NotificationDeliveryItem.class, TRADING, own(Keys.NOTIFY_DELIVERY_PREFIX),
                    Erasure.DELETE),
            TraderData.of("graduation-waiver", GraduationWaiverItem.class, TRADING, own(GraduationWaiverItem.SK),
                    Erasure.DELETE),
            // The accepted terms are evidence of consent: kept under the pseudonym, without the address it came from.
            TraderData.of("terms-acceptance", TermsAcceptanceItem.class, TRADING, own(TermsAcceptanceItem.SK),
                    Erasure.PSEUDONYMISE).dropping("sourceIp"),
            TraderData.of("billing", BillingAccountItem.class, TRADING, own(Keys.BILLING), Erasure.PSEUDONYMISE)
                    .dropping("hostedInvoiceUrl"),
            TraderData.of("payment-failures", PaymentFailureItem.class, TRADING, TraderDataRegistry::paymentFailures,
                    Erasure.PSEUDONYMISE),
            TraderData.of("invoices", StripeInvoiceItem.class, TRADING, TraderDataRegistry::invoices,
                    Erasure.PSEUDONYMISE).dropping("hostedInvoiceUrl"),
            TraderData.of("subscriptions", SubscriptionStateItem.class, TRADING, TraderDataRegistry::subscriptions,
                    Erasure.PSEUDONYMISE),
            TraderData.of("stripe-customers", StripeCustomerItem.class, TRADING, TraderDataRegistry::customers,
                    Erasure.PSEUDONYMISE),
            TraderData.of("audit", AuditItem.class, AUDIT,
                    (items, user, pseudonym) -> items.pages(AUDIT, AuditRepository.partition(user), ""),
                    Erasure.PSEUDONYMISE).dropping("sourceIp"),
            TraderData.notPersonal("market-data", TRADING, List.of(PriceItem.class, CandleDayItem.class)),
            TraderData.notPersonal("platform-controls", TRADING, List.of(ControlItem.class, SourceItem.class,
                    SourceActivityItem.class)),
            // Operator alerts may name a trader id in their text; they expire after 30 days (TTL) and are staff's.
            TraderData.notPersonal("operator-alerts", TRADING, List.of(AlertItem.class)),
            // Signals come from a source (a strategy), not from a trader; Stripe's events carry only object ids.
            TraderData.notPersonal("signals-and-stripe-events", TRADING, List.of(SignalItem.class, StripeEventItem.class)));

    public List<TraderData> entries() {
        return entries;
    }

    /** The entries that hold something about a trader, in the order export and erasure visit them. */
    public List<TraderData> aboutTrader() {
        return entries.stream().filter(TraderData::aboutTrader).toList();
    }

    /** Items under the trader's own partition whose sort key starts with {@code prefix}. */
    private static TraderData.ItemSource own(String prefix) {
        return (items, user, pseudonym) -> items.pages(TRADING, Keys.user(user), prefix);
    }

    /** Each connection's price watches live under the market's partition. */
    private static Iterable<List<StoredItem>> priceWatches(TraderItemsRegistry items, String user, String pseudonym) {
        List<StoredItem> watches = new ArrayList<>();
        for (List<StoredItem> page : items.pages(TRADING, Keys.user(user), Keys.CONNECTION_PREFIX)) {
            for (StoredItem connection : page) {
                for (String channel : connection.strings("subscriptions")) {
                    Channels.symbolOf(channel).flatMap(symbol -> items.get(TRADING, Keys.priceWatch(symbol),
                            connection.string("sk"))).ifPresent(watches::add);
                }
            }
        }
        return List.of(watches);
    }

    /**
     * The trader's Stripe customers, from the links under their partition, and during a deletion also under the
     * pseudonym's (a resumed deletion has already moved some).
     */
    private static List<String> customerIds(TraderItemsRegistry items, String user, String pseudonym) {
        return Stream.of(user, pseudonym).filter(java.util.Objects::nonNull)
                .flatMap(owner -> pagesOf(items.pages(TRADING, Keys.user(owner), Keys.STRIPE_CUSTOMER_LINK_PREFIX)))
                .map(link -> link.string("customerId")).distinct().toList();
    }

    private static Iterable<List<StoredItem>> customers(TraderItemsRegistry items, String user, String pseudonym) {
        List<StoredItem> out = new ArrayList<>();
        pagesOf(items.pages(TRADING, Keys.user(user), Keys.STRIPE_CUSTOMER_LINK_PREFIX)).forEach(out::add);
        for (String customer : customerIds(items, user, pseudonym)) {
            items.get(TRADING, Keys.stripeCustomer(customer), Keys.STRIPE_ITEM).ifPresent(out::add);
        }
        return List.of(out);
    }

    private static Iterable<List<StoredItem>> subscriptions(TraderItemsRegistry items, String user, String pseudonym) {
        return List.of(subscriptionItems(items, user, pseudonym));
    }

    private static List<StoredItem> subscriptionItems(TraderItemsRegistry items, String user, String pseudonym) {
        return customerIds(items, user, pseudonym).stream()
                .flatMap(customer -> pagesOf(items.indexPages(TRADING, Tables.ENABLED_BY_SHARD,
                        Keys.subscriptionsOfCustomer(customer))))
                .map(listed -> items.get(TRADING, listed.string("pk"), listed.string("sk")))
                .flatMap(Optional::stream).toList();
    }

    private static List<StoredItem> invoiceItems(TraderItemsRegistry items, String user, String pseudonym) {
        return subscriptionItems(items, user, pseudonym).stream()
                .flatMap(sub -> pagesOf(items.indexPages(TRADING, Tables.OPEN_BY_SYMBOL,
                        Keys.invoicesOfSubscription(sub.string("subscriptionId")))))
                .map(listed -> items.get(TRADING, listed.string("pk"), listed.string("sk")))
                .flatMap(Optional::stream).toList();
    }

    private static Iterable<List<StoredItem>> invoices(TraderItemsRegistry items, String user, String pseudonym) {
        return List.of(invoiceItems(items, user, pseudonym));
    }

    private static Iterable<List<StoredItem>> paymentFailures(TraderItemsRegistry items, String user,
                                                               String pseudonym) {
        return List.of(invoiceItems(items, user, pseudonym).stream()
                .flatMap(invoice -> pagesOf(items.pages(TRADING, invoice.string("pk"), Keys.PAYMENT_FAILURE_PREFIX)))
                .toList());
    }

    private static Stream<StoredItem> pagesOf(Iterable<List<StoredItem>> pages) {
        return java.util.stream.StreamSupport.stream(pages.spliterator(), false).flatMap(List::stream);
    }
}
