package com.nija.shared.billing;

import com.nija.shared.data.Keys;
import com.nija.shared.data.Tables;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Billing items in the trading table. Every write is a single conditional item write (no transactions, which the
 * local DynamoDB lacks): the event record is a claim, put if absent and finished only by its claimant; subscription
 * and invoice states are put only if newer, the billing view is version-checked and the profile's tier is set with
 * UpdateItem so no other attribute is lost.
 */
@Singleton
public class BillingStore {
    /** Stripe subscription statuses, in the order finance lists them. */
    public static final List<String> STATUSES = List.of("active", "trialing", "past_due", "unpaid", "paused",
            "incomplete", "incomplete_expired", "canceled");

    private final TradingTables tables;
    private final DynamoDbTable<StripeEventItem> stripeEvents;
    private final DynamoDbTable<StripeCustomerItem> stripeCustomers;
    private final DynamoDbTable<SubscriptionStateItem> subscriptions;
    private final DynamoDbTable<StripeInvoiceItem> invoices;
    private final DynamoDbTable<PaymentFailureItem> paymentFailures;
    private final DynamoDbTable<BillingAccountItem> billingAccounts;

    public BillingStore(TradingTables tables) {
        this.tables = tables;
        this.stripeEvents = tables.table(StripeEventItem.class);
        this.stripeCustomers = tables.table(StripeCustomerItem.class);
        this.subscriptions = tables.table(SubscriptionStateItem.class);
        this.invoices = tables.table(StripeInvoiceItem.class);
        this.paymentFailures = tables.table(PaymentFailureItem.class);
        this.billingAccounts = tables.table(BillingAccountItem.class);
    }

    // --- events ---

    /**
     * Claims an event for one delivery: records it (state RECEIVED, the delivery's claim id) the first time its id is
     * seen; false when it is already recorded, by a delivery in flight or one that finished.
     */
    public boolean claimEvent(StripeEventItem item) {
        return putIf(stripeEvents, StripeEventItem.class, item, Expression.builder()
                .expression("attribute_not_exists(pk)").build());
    }

    /**
     * Takes over the unfinished claim {@code seen} (its delivery crashed or ran past its lease) for the delivery
     * {@code claimId}; false when another delivery took it over or finished it meanwhile.
     */
    public boolean takeOverEvent(StripeEventItem seen, String claimId, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":received", AttributeValue.fromS(StripeEventItem.RECEIVED),
                ":claim", AttributeValue.fromS(claimId), ":at", AttributeValue.fromS(at.toString())));
        String sameClaim;
        if (seen.claimId() == null) {
            sameClaim = "attribute_not_exists(claimId)";
        } else {
            sameClaim = "claimId = :seen";
            values.put(":seen", AttributeValue.fromS(seen.claimId()));
        }
        return updateIf(Keys.stripeEvent(seen.eventId()), Keys.STRIPE_ITEM, "SET claimId = :claim, claimedAt = :at",
                Map.of("#state", "state"), values, "#state = :received AND " + sameClaim);
    }

    /**
     * Records what applying the event did, if the delivery {@code claimId} still holds its claim; false when its lease
     * ran out and another delivery took the event over (that one records its own outcome).
     */
    public boolean finishEvent(String eventId, String claimId, String outcome, Instant at) {
        return updateIf(Keys.stripeEvent(eventId), Keys.STRIPE_ITEM, "SET #state = :s, outcome = :o, processedAt = :t",
                Map.of("#state", "state"), Map.of(":s", AttributeValue.fromS(StripeEventItem.PROCESSED),
                        ":o", AttributeValue.fromS(outcome), ":t", AttributeValue.fromS(at.toString()),
                        ":received", AttributeValue.fromS(StripeEventItem.RECEIVED),
                        ":claim", AttributeValue.fromS(claimId)),
                "#state = :received AND claimId = :claim");
    }

    /** Gives up the claim of a delivery that failed, so Stripe's next attempt applies the event at once. */
    public void releaseEvent(String eventId, String claimId) {
        try {
            stripeEvents.deleteItem(DeleteItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(Keys.stripeEvent(eventId)).sortValue(Keys.STRIPE_ITEM).build())
                    .conditionExpression(Expression.builder().expression("#state = :received AND claimId = :claim")
                            .putExpressionName("#state", "state")
                            .putExpressionValue(":received", AttributeValue.fromS(StripeEventItem.RECEIVED))
                            .putExpressionValue(":claim", AttributeValue.fromS(claimId)).build())
                    .build());
        } catch (ConditionalCheckFailedException taken) {
            // another delivery holds it now: nothing of ours to release
        }
    }

    public Optional<StripeEventItem> event(String eventId) {
        return get(stripeEvents, Keys.stripeEvent(eventId), Keys.STRIPE_ITEM);
    }

    // --- customers ---

    public Optional<String> userOfCustomer(String customerId) {
        return get(stripeCustomers, Keys.stripeCustomer(customerId), Keys.STRIPE_ITEM)
                .map(StripeCustomerItem::userId);
    }

    /** Links a customer to a trader; false when the customer is already linked to a different trader. */
    public boolean link(String customerId, String userId, String checkoutSessionId, Instant at) {
        boolean linked = putIf(stripeCustomers, StripeCustomerItem.class,
                new StripeCustomerItem(Keys.stripeCustomer(customerId), Keys.STRIPE_ITEM, customerId, userId,
                        checkoutSessionId, at),
                Expression.builder().expression("attribute_not_exists(pk) OR userId = :u")
                        .putExpressionValue(":u", AttributeValue.fromS(userId)).build());
        if (!linked) return false;
        stripeCustomers.putItem(new StripeCustomerItem(Keys.user(userId), Keys.stripeCustomerLink(customerId),
                customerId, userId, checkoutSessionId, at));
        return true;
    }

    public List<String> customersOfUser(String userId) {
        QueryConditional prefix = QueryConditional.sortBeginsWith(Key.builder().partitionValue(Keys.user(userId))
                .sortValue(Keys.STRIPE_CUSTOMER_LINK_PREFIX).build());
        List<String> out = new ArrayList<>();
        stripeCustomers.query(r -> r.queryConditional(prefix).consistentRead(true)).items()
                .forEach(i -> out.add(i.customerId()));
        return out;
    }

    // --- subscriptions ---

    public Optional<SubscriptionStateItem> subscription(String subscriptionId) {
        return get(subscriptions, Keys.stripeSubscription(subscriptionId), Keys.STRIPE_ITEM);
    }

    /**
     * Stores a subscription state unless a newer one (greater state key, or equal key and later period end) or a final
     * one (canceled, incomplete_expired) is already stored. A final state itself replaces anything older.
     */
    public boolean putSubscriptionIfNewer(SubscriptionStateItem item, boolean terminal) {
        Expression.Builder condition = Expression.builder()
                .putExpressionValue(":k", AttributeValue.fromN(item.stateKey().toString()))
                .putExpressionValue(":canceled", AttributeValue.fromS("canceled"))
                .putExpressionValue(":expired", AttributeValue.fromS("incomplete_expired"))
                .putExpressionName("#status", "status");
        if (terminal) {
            condition.expression("attribute_not_exists(pk) OR NOT (#status IN (:canceled, :expired)) OR stateKey < :k");
        } else {
            condition.expression("attribute_not_exists(pk) OR (NOT (#status IN (:canceled, :expired)) AND "
                    + "(stateKey < :k OR (stateKey = :k AND currentPeriodEndEpoch < :cpe)))")
                    .putExpressionValue(":cpe", AttributeValue.fromN(item.currentPeriodEndEpoch().toString()));
        }
        return putIf(subscriptions, SubscriptionStateItem.class, item, condition.build());
    }

    /** Subscriptions of a customer, each re-read consistently (the index only says which ones exist). */
    public List<SubscriptionStateItem> subscriptionsOfCustomer(String customerId) {
        List<SubscriptionStateItem> out = new ArrayList<>();
        QueryConditional q = QueryConditional.keyEqualTo(Key.builder()
                .partitionValue(Keys.subscriptionsOfCustomer(customerId)).build());
        for (Page<SubscriptionStateItem> page : subscriptions.index(Tables.ENABLED_BY_SHARD)
                .query(r -> r.queryConditional(q))) {
            for (SubscriptionStateItem listed : page.items()) {
                subscription(listed.subscriptionId()).ifPresent(out::add);
            }
        }
        return out;
    }

    public void setSubscriptionUser(String subscriptionId, String userId) {
        update(Keys.stripeSubscription(subscriptionId), Keys.STRIPE_ITEM, "SET userId = :u", Map.of(),
                Map.of(":u", AttributeValue.fromS(userId)), "attribute_exists(pk)");
    }

    /** One page of a listing: its items, and the index key to go on after (null: the listing is done). */
    public record SubscriptionPage(List<SubscriptionStateItem> items, Map<String, String> lastKey) {}

    /** One page of subscriptions with {@code status}, oldest first; {@code after} is the previous page's last key. */
    public SubscriptionPage subscriptionsByStatus(String status, Map<String, String> after, int limit) {
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder()
                        .partitionValue(Keys.subscribersByStatus(status)).build()))
                .limit(limit);
        if (after != null) request.exclusiveStartKey(com.nija.shared.data.PageKeys.startKey(after));
        SdkIterable<Page<SubscriptionStateItem>> pages = subscriptions.index(Tables.OPEN_BY_SYMBOL)
                .query(request.build());
        Page<SubscriptionStateItem> page = pages.iterator().next();
        return new SubscriptionPage(page.items(), com.nija.shared.data.PageKeys.lastKey(page));
    }

    /** Every stored subscription, for the finance metrics (read from stored state only). */
    public List<SubscriptionStateItem> allSubscriptions() {
        List<SubscriptionStateItem> out = new ArrayList<>();
        for (String status : STATUSES) {
            QueryConditional q = QueryConditional.keyEqualTo(Key.builder()
                    .partitionValue(Keys.subscribersByStatus(status)).build());
            subscriptions.index(Tables.OPEN_BY_SYMBOL).query(r -> r.queryConditional(q))
                    .forEach(page -> out.addAll(page.items()));
        }
        return out;
    }

    // --- invoices ---

    public Optional<StripeInvoiceItem> invoice(String invoiceId) {
        return get(invoices, Keys.stripeInvoice(invoiceId), Keys.STRIPE_ITEM);
    }

    /** Stores an invoice's payment state unless it is already paid (final) or a newer event was applied. */
    public boolean putInvoiceIfNewer(StripeInvoiceItem item) {
        Expression.Builder condition = Expression.builder()
                .putExpressionValue(":paid", AttributeValue.fromS(StripeInvoiceItem.PAID))
                .putExpressionName("#status", "status");
        if (StripeInvoiceItem.PAID.equals(item.status())) {
            condition.expression("attribute_not_exists(pk) OR #status <> :paid");
        } else {
            condition.expression("attribute_not_exists(pk) OR (#status <> :paid AND eventCreatedEpoch <= :t)")
                    .putExpressionValue(":t", AttributeValue.fromN(item.eventCreatedEpoch().toString()));
        }
        return putIf(invoices, StripeInvoiceItem.class, item, condition.build());
    }

    /** The newest invoice of a subscription (by invoice creation), re-read consistently. */
    public Optional<StripeInvoiceItem> latestInvoiceOf(String subscriptionId) {
        QueryConditional q = QueryConditional.keyEqualTo(Key.builder()
                .partitionValue(Keys.invoicesOfSubscription(subscriptionId)).build());
        for (Page<StripeInvoiceItem> page : invoices.index(Tables.OPEN_BY_SYMBOL)
                .query(r -> r.queryConditional(q).scanIndexForward(false).limit(1))) {
            for (StripeInvoiceItem listed : page.items()) return invoice(listed.invoiceId());
            break;
        }
        return Optional.empty();
    }

    public void putPaymentFailure(PaymentFailureItem item) {
        paymentFailures.putItem(item);
    }

    public List<PaymentFailureItem> paymentFailures(YearMonth month) {
        QueryConditional q = QueryConditional.keyEqualTo(Key.builder()
                .partitionValue(Keys.paymentFailures(month)).build());
        List<PaymentFailureItem> out = new ArrayList<>();
        paymentFailures.index(Tables.OPEN_BY_SYMBOL).query(r -> r.queryConditional(q))
                .forEach(page -> out.addAll(page.items()));
        return out;
    }

    // --- finance's exports: pages read lazily as the caller iterates, only the current one held ---

    /** Subscriptions with {@code status} (their stored, newest state), as pages of at most {@code pageSize}. */
    public Iterable<List<SubscriptionStateItem>> subscriptionPages(String status, int pageSize) {
        return pages(subscriptions, Tables.OPEN_BY_SYMBOL, Keys.subscribersByStatus(status), pageSize);
    }

    /** Invoices created in {@code month} (UTC), oldest first, as pages of at most {@code pageSize}. */
    public Iterable<List<StripeInvoiceItem>> invoicePagesOfMonth(YearMonth month, int pageSize) {
        return pages(invoices, Tables.ENABLED_BY_SHARD, Keys.invoicesOfMonth(month), pageSize);
    }

    /** The trader each of these customers (at most 100) is linked to; unlinked customers are absent. */
    public Map<String, String> usersOfCustomers(Collection<String> customerIds) {
        if (customerIds.isEmpty()) return Map.of();
        ReadBatch.Builder<StripeCustomerItem> batch = ReadBatch.builder(StripeCustomerItem.class)
                .mappedTableResource(stripeCustomers);
        customerIds.stream().distinct().forEach(id -> batch.addGetItem(Key.builder()
                .partitionValue(Keys.stripeCustomer(id)).sortValue(Keys.STRIPE_ITEM).build()));
        Map<String, String> users = new HashMap<>();
        // The enhanced batch pages over unprocessed keys itself: every key is read or the call fails.
        tables.enhanced().batchGetItem(r -> r.readBatches(batch.build())).resultsForTable(stripeCustomers)
                .forEach(c -> users.put(c.customerId(), c.userId()));
        return users;
    }

    private static <T> Iterable<List<T>> pages(DynamoDbTable<T> table, String index, String partition, int pageSize) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
                .limit(pageSize)
                .build();
        SdkIterable<Page<T>> pages = table.index(index).query(request);
        return () -> StreamSupport.stream(pages.spliterator(), false).map(Page::items).iterator();
    }

    // --- the trader's billing view and profile ---

    public Optional<BillingAccountItem> account(String userId) {
        return get(billingAccounts, Keys.user(userId), Keys.BILLING);
    }

    /** Writes the billing view if nobody wrote it since {@code item.version()} was read; false otherwise. */
    public boolean putAccount(BillingAccountItem item) {
        try {
            billingAccounts.putItem(item);
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    /**
     * Sets the profile's tier and subscription status (UpdateItem: every other attribute stays), unless a projection
     * of a newer billing view already did.
     */
    public boolean setProfileTier(String userId, String tier, String status, long billingVersion, Instant at) {
        try {
            update(Keys.user(userId), Keys.PROFILE,
                    "SET tier = :tier, subscriptionStatus = :status, updatedAt = :now, billingVersion = :v",
                    Map.of(), Map.of(":tier", AttributeValue.fromS(tier), ":status", AttributeValue.fromS(status),
                            ":now", AttributeValue.fromS(at.toString()),
                            ":v", AttributeValue.fromN(Long.toString(billingVersion))),
                    "attribute_not_exists(billingVersion) OR billingVersion <= :v");
            return true;
        } catch (ConditionalCheckFailedException newer) {
            return false;
        }
    }

    // --- helpers ---

    private static <T> Optional<T> get(DynamoDbTable<T> table, String pk, String sk) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(pk).sortValue(sk).build())
                .consistentRead(true)));
    }

    private static <T> boolean putIf(DynamoDbTable<T> table, Class<T> type, T item, Expression condition) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(type).item(item).conditionExpression(condition).build());
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    private boolean updateIf(String pk, String sk, String expression, Map<String, String> names,
                             Map<String, AttributeValue> values, String condition) {
        try {
            update(pk, sk, expression, names, values, condition);
            return true;
        } catch (ConditionalCheckFailedException failed) {
            return false;
        }
    }

    private void update(String pk, String sk, String expression, Map<String, String> names,
                        Map<String, AttributeValue> values, String condition) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", AttributeValue.fromS(pk));
        key.put("sk", AttributeValue.fromS(sk));
        tables.client().updateItem(b -> {
            b.tableName(tables.name()).key(key).updateExpression(expression).expressionAttributeValues(values);
            if (!names.isEmpty()) b.expressionAttributeNames(names);
            if (condition != null) b.conditionExpression(condition);
        });
    }
}
