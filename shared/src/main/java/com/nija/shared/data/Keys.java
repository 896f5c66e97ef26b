package com.nija.shared.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;

/** Key formats of the trading table, in one place so readers and writers can't drift apart. */
public final class Keys {
    public static final String PROFILE = "PROFILE";
    public static final String SETTINGS = "SETTINGS";
    public static final String POSITION_PREFIX = "POS#";
    public static final String TRADE_PREFIX = "TRADE#";
    public static final String ROLLUP_PREFIX = "ROLLUP#";
    public static final String LATEST = "LATEST";
    public static final String ORDER_PREFIX = "ORDER#";
    public static final String CONTROL = "CONTROL";
    public static final String KILL_SWITCH = "KILL_SWITCH";
    /** A trader's venue connections: {@code BROKER#<venue>}. */
    public static final String BROKER_PREFIX = "BROKER#";
    public static final String TRADING_MODE = "MODE";
    /** A trader's protection settings and what the protections remember (see {@code com.nija.shared.protections}). */
    public static final String PROTECTIONS = "PROTECTIONS";
    public static final String PROTECTION_STATE = "PROTECTION_STATE";
    /** Live updates: a trader's WebSocket connections sort under this prefix. */
    public static final String CONNECTION_PREFIX = "CONN#";
    /** Write shards of the every-connection listing on GSI2 (platform-wide pushes such as the kill switch). */
    public static final int LIVE_SHARDS = 16;

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private Keys() {}

    public static String user(String userId) {
        return "USER#" + userId;
    }

    public static String position(String positionId) {
        return POSITION_PREFIX + positionId;
    }

    /** Trades sort by execution time (zero-padded millis) so a descending query is newest first. */
    public static String trade(Instant executedAt, String tradeId) {
        return TRADE_PREFIX + String.format("%013d", executedAt.toEpochMilli()) + "#" + tradeId;
    }

    public static String broker(String venue) {
        return BROKER_PREFIX + venue;
    }

    public static String order(String orderId) {
        return ORDER_PREFIX + orderId;
    }

    public static String signal(String signalId) {
        return "SIGNAL#" + signalId;
    }

    public static String source(String sourceId) {
        return "SOURCE#" + sourceId;
    }

    /** The paper broker's book of one trader. */
    public static String paperOrders(String userId) {
        return "PAPER#" + userId;
    }

    public static String resting(String symbol) {
        return "RESTING#" + symbol;
    }

    /** A live order resting at its venue, in the open-by-symbol index while it rests. */
    public static String liveResting(String symbol) {
        return "LIVE_RESTING#" + symbol;
    }

    public static String price(String symbol) {
        return "PRICE#" + symbol;
    }

    public static String openBySymbol(String symbol) {
        return "OPEN#" + symbol;
    }

    public static String enabledShard(String userId) {
        return "ENABLED#" + Math.floorMod(userId.hashCode(), Tables.ENABLED_SHARDS);
    }

    /** GSI2 partition listing the traders in live mode, write-sharded like {@link #enabledShard}. */
    public static String liveTradingShard(String userId) {
        return liveTradingShard(Math.floorMod(userId.hashCode(), Tables.ENABLED_SHARDS));
    }

    public static String liveTradingShard(int shard) {
        return "TRADING_LIVE#" + shard;
    }

    public static String rollup(RollupPeriod period, Instant at) {
        return ROLLUP_PREFIX + period.name() + "#" + bucket(period, at);
    }

    public static String rollupPrefix(RollupPeriod period) {
        return ROLLUP_PREFIX + period.name() + "#";
    }

    /** Bucket label of an instant: 2026-11-27T13 (hour), 2026-11-27 (day), 2026-W48 (ISO week), ALL. */
    public static String bucket(RollupPeriod period, Instant at) {
        return switch (period) {
            case HOUR -> HOUR.format(at);
            case DAY -> LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
            case WEEK -> {
                LocalDate d = LocalDate.ofInstant(at, ZoneOffset.UTC);
                yield String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            case ALL -> "ALL";
        };
    }

    // --- Billing: Stripe events, customers, subscriptions and invoices, and each trader's billing view. ---

    /** Sort key of a trader's billing view ({@code USER#<id>}). */
    public static final String BILLING = "BILLING";
    /** Sort key prefix of a trader's links to Stripe customers ({@code USER#<id>}). */
    public static final String STRIPE_CUSTOMER_LINK_PREFIX = "STRIPE_CUSTOMER#";
    /** Sort key of the single item under each {@code STRIPE#…} partition. */
    public static final String STRIPE_ITEM = "STRIPE";
    /** Sort key prefix of a failed payment attempt under its invoice's partition. */
    public static final String PAYMENT_FAILURE_PREFIX = "FAILED#";

    public static String stripeEvent(String eventId) {
        return "STRIPE#EVENT#" + eventId;
    }

    public static String stripeCustomer(String customerId) {
        return "STRIPE#CUSTOMER#" + customerId;
    }

    public static String stripeCustomerLink(String customerId) {
        return STRIPE_CUSTOMER_LINK_PREFIX + customerId;
    }

    public static String stripeSubscription(String subscriptionId) {
        return "STRIPE#SUB#" + subscriptionId;
    }

    public static String stripeInvoice(String invoiceId) {
        return "STRIPE#INVOICE#" + invoiceId;
    }

    public static String paymentFailure(long attempt) {
        return PAYMENT_FAILURE_PREFIX + String.format("%04d", attempt);
    }

    /** GSI1 partition listing subscriptions by Stripe status, for finance. */
    public static String subscribersByStatus(String status) {
        return "SUBS#" + status;
    }

    /** GSI2 partition listing a Stripe customer's subscriptions. */
    public static String subscriptionsOfCustomer(String customerId) {
        return "SUBS_OF#" + customerId;
    }

    /** GSI1 partition listing a subscription's invoices. */
    public static String invoicesOfSubscription(String subscriptionId) {
        return "INVOICES_OF#" + subscriptionId;
    }

    /** GSI2 partition listing the invoices created in a month ({@code 2026-11}), for finance's export. */
    public static String invoicesOfMonth(java.time.YearMonth month) {
        return "INVOICES_IN#" + month;
    }

    /** GSI1 partition listing failed payment attempts of a month ({@code 2026-11}). */
    public static String paymentFailures(java.time.YearMonth month) {
        return "PAYFAIL#" + month;
    }

    /** Index sort key that orders by time (zero-padded epoch millis), then by id. */
    public static String byTime(Instant at, String id) {
        return String.format("%013d", at.toEpochMilli()) + "#" + id;
    }

    /** A WebSocket connection, under its trader's partition (and as the sort key of its price watches). */
    public static String connection(String connectionId) {
        return CONNECTION_PREFIX + connectionId;
    }

    /** The partition listing every connection watching a market's prices. */
    public static String priceWatch(String symbol) {
        return "WATCH#" + symbol;
    }

    /** GSI2 partition of a connection in the every-connection listing. */
    public static String liveShard(String connectionId) {
        return liveShard(Math.floorMod(connectionId.hashCode(), LIVE_SHARDS));
    }

    public static String liveShard(int shard) {
        return "LIVE#" + shard;
    }

    // --- Notifications: a trader's preferences, channels and delivery log, under their own partition. ---

    public static final String NOTIFY_PREFERENCES = "NOTIFY#PREFS";
    public static final String NOTIFY_CHANNEL_PREFIX = "NOTIFY#CHANNEL#";
    public static final String NOTIFY_DELIVERY_PREFIX = "NOTIFY#DLV#";

    public static String notifyChannel(String channel) {
        return NOTIFY_CHANNEL_PREFIX + channel;
    }

    /**
     * One delivery of one event on one channel: sorted by the event's time (so the log reads newest first), and
     * unique per event id and channel (so a repeat finds the first delivery instead of sending again).
     */
    public static String notifyDelivery(Instant occurredAt, String eventId, String channel) {
        return NOTIFY_DELIVERY_PREFIX + byTime(occurredAt, eventId) + "#" + channel;
    }
}
