package com.nija.functions.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.functions.support.ApiResponses;
import com.nija.functions.support.Events;
import com.nija.functions.support.MutableClock;
import com.nija.shared.billing.BillingStanding;
import com.nija.shared.billing.BillingStore;
import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.TradingTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * One trader and their Stripe customer, with events built from the samples in {@code events/stripe/} (ids rewritten so
 * no two tests share a customer, subscription, invoice or event), signed the way Stripe signs them and delivered to
 * the webhook handler; plus readers of what the trader then has (account, profile, the engine's billing standing).
 */
final class StripeFixture {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BASE_CUSTOMER = "cus_TQd7nYw2kHcE4x";
    private static final String BASE_SUBSCRIPTION = "sub_1SQd7qLfX2nija8Rk0TrPro1";
    private static final String BASE_USER = "demo-trader";
    private static final String[] BASE_INVOICES = {"in_1SQd7qLfX2nija0TrialInv", "in_1SbNijaLfX2Renew0001Inv",
            "in_1SnNijaLfX2Renew0002Inv"};
    private static final AtomicInteger EVENTS = new AtomicInteger();

    /** A Stripe price: id, lookup key (what {@code nija/stripe-prices.json} maps), amount in cents, interval. */
    record Price(String id, String lookupKey, long cents, String interval) {}

    static final Price BASIC = new Price("price_1SQtestBasicMonthly", "nija_basic_monthly", 4900, "month");
    static final Price PRO = new Price("price_1SQtestProMonthly", "nija_pro_monthly", 14900, "month");
    static final Price PRO_YEARLY = new Price("price_1SQtestProYearly", "nija_pro_yearly", 143040, "year");
    static final Price ENTERPRISE = new Price("price_1SQtestEntMonthly", "nija_enterprise_monthly", 49900, "month");
    static final Price UNSOLD = new Price("price_1SQtestSomethingElse", null, 1000, "month");

    final BillingBackends backends;
    final String userId;
    final String customerId;
    final String subscriptionId;
    private final String suffix;
    private final StripeWebhookHandler webhook;
    private final GetAccountHandler account;

    private StripeFixture(BillingBackends backends) {
        this.backends = backends;
        this.suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        this.userId = "t-" + UUID.randomUUID();
        this.customerId = "cus_" + suffix;
        this.subscriptionId = "sub_" + suffix;
        this.webhook = new StripeWebhookHandler(backends.context());
        this.account = new GetAccountHandler(backends.context());
    }

    /** On the shared billing context, whose clock is put back to its start: no test inherits another's time. */
    static StripeFixture newCustomer() {
        BillingBackends shared = BillingBackends.get();
        shared.clock().set(BillingBackends.START);
        return new StripeFixture(shared);
    }

    static StripeFixture newCustomer(BillingBackends backends) {
        return new StripeFixture(backends);
    }

    MutableClock clock() {
        return backends.clock();
    }

    // --- events ---

    /** A sample event with this fixture's ids and a fresh event id. */
    ObjectNode sample(String file) {
        String raw = read("/events/stripe/" + file).replace(BASE_CUSTOMER, customerId)
                .replace(BASE_SUBSCRIPTION, subscriptionId).replace("\"" + BASE_USER + "\"", "\"" + userId + "\"");
        for (int i = 0; i < BASE_INVOICES.length; i++) raw = raw.replace(BASE_INVOICES[i], invoiceId(i));
        try {
            ObjectNode event = (ObjectNode) MAPPER.readTree(raw);
            event.put("id", "evt_" + suffix + "x" + EVENTS.incrementAndGet());
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String invoiceId(int n) {
        return "in_" + suffix + "n" + n;
    }

    ObjectNode checkoutCompleted(Instant at) {
        ObjectNode e = sample("checkout-session-completed.json");
        e.put("created", at.getEpochSecond());
        return e;
    }

    /**
     * A subscription event ({@code created}, {@code updated}, {@code trial_will_end}, {@code deleted}) at {@code at},
     * with one item on {@code price} billed for [{@code periodStart}, {@code periodEnd}).
     */
    ObjectNode subscription(String kind, Instant at, String status, Price price, Instant periodStart,
                            Instant periodEnd) {
        String file = switch (kind) {
            case "created" -> "customer-subscription-created.json";
            case "updated" -> "customer-subscription-updated.json";
            case "trial_will_end" -> "customer-subscription-trial-will-end.json";
            case "deleted" -> "customer-subscription-deleted.json";
            default -> throw new IllegalArgumentException(kind);
        };
        ObjectNode e = sample(file);
        e.put("created", at.getEpochSecond());
        ObjectNode sub = object(e);
        sub.put("status", status);
        sub.put("cancel_at_period_end", false);
        sub.putNull("cancel_at");
        sub.putNull("canceled_at");
        sub.putNull("ended_at");
        if ("deleted".equals(kind)) {
            sub.put("canceled_at", at.getEpochSecond());
            sub.put("ended_at", at.getEpochSecond());
        }
        if (!"trialing".equals(status) && !"trial_will_end".equals(kind)) {
            sub.putNull("trial_start");
            sub.putNull("trial_end");
        }
        ObjectNode item = (ObjectNode) sub.path("items").path("data").get(0);
        item.put("current_period_start", periodStart.getEpochSecond());
        item.put("current_period_end", periodEnd.getEpochSecond());
        ObjectNode p = (ObjectNode) item.get("price");
        p.put("id", price.id());
        if (price.lookupKey() == null) p.putNull("lookup_key");
        else p.put("lookup_key", price.lookupKey());
        p.put("unit_amount", price.cents());
        p.put("unit_amount_decimal", Long.toString(price.cents()));
        ((ObjectNode) p.get("recurring")).put("interval", price.interval());
        ObjectNode plan = (ObjectNode) item.get("plan");
        plan.put("id", price.id());
        plan.put("amount", price.cents());
        plan.put("interval", price.interval());
        sub.set("plan", plan.deepCopy());
        return e;
    }

    ObjectNode withTrial(ObjectNode event, Instant trialStart, Instant trialEnd) {
        object(event).put("trial_start", trialStart.getEpochSecond());
        object(event).put("trial_end", trialEnd.getEpochSecond());
        return event;
    }

    ObjectNode cancelAtPeriodEnd(ObjectNode event) {
        ObjectNode sub = object(event);
        sub.put("cancel_at_period_end", true);
        sub.put("cancel_at", sub.path("items").path("data").get(0).path("current_period_end").asLong());
        sub.put("canceled_at", event.path("created").asLong());
        return event;
    }

    /** {@code invoice.paid}, {@code invoice.payment_failed} or {@code invoice.payment_action_required} at {@code at}. */
    ObjectNode invoice(String type, Instant at, String invoiceId, long cents, int attempt) {
        String file = switch (type) {
            case "invoice.paid" -> "invoice-paid.json";
            case "invoice.payment_failed" -> "invoice-payment-failed.json";
            case "invoice.payment_action_required" -> "invoice-payment-action-required.json";
            default -> throw new IllegalArgumentException(type);
        };
        ObjectNode e = sample(file);
        e.put("created", at.getEpochSecond());
        ObjectNode inv = object(e);
        String oldId = inv.path("id").asText();
        inv.put("id", invoiceId);
        inv.put("amount_due", cents);
        inv.put("amount_paid", "invoice.paid".equals(type) ? cents : 0);
        inv.put("attempt_count", attempt);
        inv.put("created", at.getEpochSecond() - 3600);
        ((ObjectNode) inv.get("status_transitions")).put("paid_at", "invoice.paid".equals(type) ? at.getEpochSecond() : 0);
        if (!"invoice.paid".equals(type)) ((ObjectNode) inv.get("status_transitions")).putNull("paid_at");
        ArrayNode lines = (ArrayNode) inv.path("lines").path("data");
        lines.forEach(l -> ((ObjectNode) l).put("invoice", invoiceId));
        inv.put("hosted_invoice_url", inv.path("hosted_invoice_url").asText().replace(oldId, invoiceId));
        return e;
    }

    static ObjectNode object(ObjectNode event) {
        return (ObjectNode) event.path("data").path("object");
    }

    /** {@code event}'s subscription created and started at {@code start} (a seed back-dates its subscriptions). */
    static ObjectNode started(ObjectNode event, String start) {
        long epoch = Instant.parse(start).getEpochSecond();
        object(event).put("created", epoch);
        object(event).put("start_date", epoch);
        return event;
    }

    /** Delivers {@code event} signed at its own time {@code when} (a seed runs out of date order); it must be taken. */
    void deliverAt(String when, ObjectNode event) {
        clock().set(Instant.parse(when).plusSeconds(1));
        ApiResponses.ok(deliver(event));
    }

    // --- delivery ---

    /** Moves the clock to just after the event (never back), signs it now and delivers it. */
    APIGatewayV2HTTPResponse deliver(ObjectNode event) {
        Instant sent = Instant.ofEpochSecond(event.path("created").asLong()).plusSeconds(2);
        if (sent.isAfter(clock().instant())) clock().set(sent);
        return send(json(event));
    }

    /** Signs {@code body} with the webhook secret at the clock's time and delivers it. */
    APIGatewayV2HTTPResponse send(String body) {
        return send(body, signatureNow(body));
    }

    APIGatewayV2HTTPResponse send(String body, String signature) {
        return webhook.handleRequest(request(body, signature), null);
    }

    /** A signature at the clock's time over {@code body}, as Stripe would send it now. */
    String signatureNow(String body) {
        return StripeSigning.header(body, BillingBackends.WEBHOOK_SECRET, clock().instant().getEpochSecond());
    }

    /** The webhook request Stripe sends: {@code body} with {@code signature} in {@code Stripe-Signature}. */
    static APIGatewayV2HTTPEvent request(String body, String signature) {
        APIGatewayV2HTTPEvent request = Events.withBody(Events.http("api/stripe-webhook.json"), body);
        Events.withHeader(request, "stripe-signature", signature);
        return request;
    }

    static String json(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- what the trader has ---

    JsonNode account() {
        return ApiResponses.ok(account.handleRequest(Events.http("api/get-account.json", userId), null));
    }

    ProfileItem profile() {
        return backends.context().getBean(TradingTables.class).profiles().getItem(r -> r.key(Key.builder()
                .partitionValue(Keys.user(userId)).sortValue(Keys.PROFILE).build()).consistentRead(true));
    }

    BillingStanding standing() {
        return BillingStanding.of(backends.context().getBean(BillingStore.class).account(userId).orElse(null),
                clock().instant());
    }

    void later(Duration by) {
        clock().advance(by);
    }

    static String read(String resource) {
        try (InputStream in = StripeFixture.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
