package com.nija.functions.billing;

import static com.nija.functions.billing.StripeFixture.BASIC;
import static com.nija.functions.billing.StripeFixture.ENTERPRISE;
import static com.nija.functions.billing.StripeFixture.PRO;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;


import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.functions.support.ApiResponses;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.LogCapture;
import com.nija.shared.billing.BillingStore;
import com.nija.shared.billing.StripeEventItem;
import com.nija.shared.billing.StripeWebhookVerifier;
import com.nija.shared.billing.StripeInvoiceItem;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * {@code POST /webhooks/stripe} end to end on dynalite and Redis: signatures, idempotency, order-safety and what each
 * event does to the trader's tier, status and ability to open positions.
 */
class StripeWebhookHandlerTest {
    /** Every test starts here; events are dated after it. */
    static final Instant T = Instant.parse("2027-01-10T10:00:00Z");
    static final Instant PERIOD_END = T.plus(Duration.ofDays(30));

    /** The default claim lease of {@code nija.billing.event-claim-lease}. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private StripeFixture f;

    @BeforeEach
    void freshCustomerAtT() {
        f = StripeFixture.newCustomer();
        f.clock().set(T);
    }

    private BillingStore store() {
        return f.backends.context().getBean(BillingStore.class);
    }

    /** Checkout links the customer, then the subscription is created active on {@code price}. */
    private void subscribed(com.nija.functions.billing.StripeFixture.Price price) {
        ok(f.deliver(f.checkoutCompleted(T)));
        ok(f.deliver(f.subscription("created", T.plusSeconds(1), "active", price, T, PERIOD_END)));
    }

    @Nested
    @DisplayName("signature")
    class Signature {
        @Test
        @DisplayName("a correctly signed event is accepted with 200 and recorded")
        void valid() {
            ObjectNode event = f.checkoutCompleted(T);

            JsonNode body = ok(f.deliver(event));

            assertThat(body.path("received").asBoolean()).isTrue();
            assertThat(body.path("duplicate").asBoolean()).isFalse();
            assertThat(store().event(event.path("id").asText())).get()
                    .extracting(StripeEventItem::state).isEqualTo(StripeEventItem.PROCESSED);
        }

        @Test
        @DisplayName("a body changed after signing is refused with 400 and nothing is written")
        void tamperedBody() {
            ObjectNode event = f.subscription("created", T, "active", BASIC, T, PERIOD_END);
            String signed = StripeFixture.json(event);
            String header = StripeSigning.header(signed, BillingBackends.WEBHOOK_SECRET, T.getEpochSecond());
            String tampered = signed.replace("nija_basic_monthly", "nija_enterprise_monthly");

            problem(f.send(tampered, header), 400, "invalid-signature");

            assertNothingWritten(event);
        }

        @Test
        @DisplayName("an event signed with another secret is refused with 400 and nothing is written")
        void wrongSecret() {
            ObjectNode event = f.subscription("created", T, "active", BASIC, T, PERIOD_END);
            String body = StripeFixture.json(event);

            problem(f.send(body, StripeSigning.header(body, "whsec_someoneElsesSecret", T.getEpochSecond())), 400,
                    "invalid-signature");

            assertNothingWritten(event);
        }

        @Test
        @DisplayName("a signature older than 300 s is refused with 400 and nothing is written; 299 s old is accepted")
        void staleTimestamp() {
            ObjectNode stale = f.subscription("created", T, "active", BASIC, T, PERIOD_END);
            String body = StripeFixture.json(stale);
            f.clock().set(T.plusSeconds(301));

            problem(f.send(body, StripeSigning.header(body, BillingBackends.WEBHOOK_SECRET, T.getEpochSecond())), 400,
                    "invalid-signature");
            assertNothingWritten(stale);

            f.clock().set(T.plusSeconds(299));
            ok(f.send(body, StripeSigning.header(body, BillingBackends.WEBHOOK_SECRET, T.getEpochSecond())));
        }

        @Test
        @DisplayName("no Stripe-Signature header, or a malformed one, is refused with 400")
        void missingOrMalformedHeader() {
            String body = StripeFixture.json(f.checkoutCompleted(T));

            problem(f.send(body, null), 400, "invalid-signature");
            problem(f.send(body, "v1=deadbeef"), 400, "invalid-signature");
            problem(f.send(body, ""), 400, "invalid-signature");
        }

        @Test
        @DisplayName("the sample request in events/api (signed long ago) is refused as stale")
        void sampleRequestIsStale() {
            problem(new StripeWebhookHandler(f.backends.context())
                    .handleRequest(Events.http("api/stripe-webhook.json"), null), 400, "invalid-signature");
        }

        private void assertNothingWritten(ObjectNode event) {
            assertThat(store().event(event.path("id").asText())).isEmpty();
            assertThat(store().subscription(f.subscriptionId)).isEmpty();
        }
    }

    @Nested
    @DisplayName("idempotency")
    class Idempotency {
        @Test
        @DisplayName("the same event delivered twice is applied once; the second delivery gets 200 duplicate and changes nothing")
        void duplicate() {
            subscribed(BASIC);
            ObjectNode upgrade = f.subscription("updated", T.plusSeconds(60), "active", PRO, T, PERIOD_END);
            ok(f.deliver(upgrade));
            ObjectNode downgrade = f.subscription("updated", T.plusSeconds(120), "active", BASIC, T, PERIOD_END);
            ok(f.deliver(downgrade));
            JsonNode before = f.account();
            double duplicates = LocalBackends.get().metrics().total("StripeWebhookDuplicate");

            JsonNode again = ok(f.deliver(upgrade));

            assertThat(again.path("duplicate").asBoolean()).isTrue();
            assertThat(f.account()).isEqualTo(before);
            assertThat(store().subscription(f.subscriptionId).orElseThrow().stateEventId())
                    .isEqualTo(downgrade.path("id").asText());
            assertThat(LocalBackends.get().metrics().total("StripeWebhookDuplicate")).isEqualTo(duplicates + 1);
        }

        @Test
        @DisplayName("an event type billing does not handle is answered 200 and recorded as ignored")
        void otherTypes() {
            ObjectNode event = f.sample("customer-updated.json");

            JsonNode body = ok(f.deliver(event));

            assertThat(body.path("outcome").asText()).startsWith("ignored");
            assertThat(store().event(event.path("id").asText())).get()
                    .extracting(StripeEventItem::type).isEqualTo("customer.updated");
        }
    }

    @Nested
    @DisplayName("deliveries racing")
    class Racing {
        static final int DELIVERIES = 30;
        static final String PROCESSED_CREATED = "StripeWebhookProcessed{type=customer.subscription.created}";

        @Test
        @DisplayName("30 concurrent deliveries of one event: exactly one applies it; the others answer duplicate with its outcome, or 409 to be retried")
        void concurrentDeliveries() throws Exception {
            ok(f.deliver(f.checkoutCompleted(T)));
            ObjectNode created = f.subscription("created", T.plusSeconds(1), "active", PRO, T, PERIOD_END);
            f.clock().set(T.plusSeconds(3));
            String body = StripeFixture.json(created);
            String signature = f.signatureNow(body);
            double processed = LocalBackends.get().metrics().total(PROCESSED_CREATED);
            double stale = LocalBackends.get().metrics().total("StripeEventStale");

            List<APIGatewayV2HTTPResponse> answers = concurrently(DELIVERIES, () -> f.send(body, signature));

            List<JsonNode> applied = answers.stream().filter(r -> r.getStatusCode() == 200).map(ApiResponses::json)
                    .filter(a -> !a.path("duplicate").asBoolean()).toList();
            assertThat(applied).hasSize(1);
            String outcome = applied.get(0).path("outcome").asText();
            assertThat(outcome).startsWith("applied");
            for (APIGatewayV2HTTPResponse other : answers) {
                if (other.getStatusCode() == 409) {
                    problem(other, 409, "event-in-progress");
                } else {
                    JsonNode answer = ok(other);
                    if (answer.path("duplicate").asBoolean()) assertThat(answer.path("outcome").asText()).isEqualTo(outcome);
                }
            }
            StripeEventItem stored = store().event(created.path("id").asText()).orElseThrow();
            assertThat(stored.state()).isEqualTo(StripeEventItem.PROCESSED);
            assertThat(stored.outcome()).isEqualTo(outcome);
            assertThat(LocalBackends.get().metrics().total(PROCESSED_CREATED)).isEqualTo(processed + 1);
            assertThat(LocalBackends.get().metrics().total("StripeEventStale")).isEqualTo(stale);
            assertThat(f.account().path("tier").asText()).isEqualTo("pro");
            assertThat(ok(f.send(body, signature)).path("outcome").asText()).as("a later redelivery").isEqualTo(outcome);
        }

        @Test
        @DisplayName("a delivery that claimed an event and never finished holds it for the lease; after it, the next delivery applies the event")
        void abandonedClaimIsTakenOver() {
            ok(f.deliver(f.checkoutCompleted(T)));
            ObjectNode created = f.subscription("created", T.plusSeconds(1), "active", BASIC, T, PERIOD_END);
            String eventId = created.path("id").asText();
            Instant crashedAt = T.plusSeconds(2);
            store().claimEvent(new StripeEventItem(Keys.stripeEvent(eventId), Keys.STRIPE_ITEM, eventId,
                    "customer.subscription.created", f.subscriptionId, T.plusSeconds(1), false, null,
                    StripeEventItem.RECEIVED, null, crashedAt, null, null, "a-delivery-that-crashed", crashedAt));
            String body = StripeFixture.json(created);

            f.clock().set(crashedAt.plus(LEASE).minusSeconds(1));
            problem(f.send(body), 409, "event-in-progress");
            assertThat(f.account().path("tier").asText()).isEqualTo("free");

            f.clock().set(crashedAt.plus(LEASE));
            JsonNode taken = ok(f.send(body));

            assertThat(taken.path("duplicate").asBoolean()).isFalse();
            assertThat(taken.path("outcome").asText()).startsWith("applied");
            assertThat(f.account().path("tier").asText()).isEqualTo("basic");
            assertThat(store().event(eventId).orElseThrow().outcome()).isEqualTo(taken.path("outcome").asText());
        }

        private static List<APIGatewayV2HTTPResponse> concurrently(int n, Callable<APIGatewayV2HTTPResponse> delivery)
                throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        return delivery.call();
                    }));
                }
                go.countDown();
                List<APIGatewayV2HTTPResponse> answers = new ArrayList<>();
                for (Future<APIGatewayV2HTTPResponse> future : futures) answers.add(future.get(60, TimeUnit.SECONDS));
                return answers;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("misconfiguration")
    class Misconfiguration {
        @Test
        @DisplayName("without a signing secret the server warns once at startup and answers every signed webhook 503 problem+json, writing nothing")
        void noSecret() {
            ObjectNode event = f.checkoutCompleted(T);
            String body = StripeFixture.json(event);
            try (LogCapture log = LogCapture.of(StripeWebhookVerifier.class);
                 ApplicationContext unconfigured = LocalBackends.get()
                         .newContext(Map.of("nija.billing.stripe-webhook-secret", ""))) {
                StripeWebhookHandler handler = new StripeWebhookHandler(unconfigured);
                assertThat(log.messages(Level.WARN)).singleElement().asString()
                        .contains("No Stripe webhook signing secret is configured");

                JsonNode refused = problem(handler.handleRequest(StripeFixture.request(body, f.signatureNow(body)), null),
                        503, "webhook-not-configured");
                problem(handler.handleRequest(StripeFixture.request(body, null), null), 400, "invalid-signature");

                assertThat(refused.path("detail").asText()).contains("signing secret is not configured");
                assertThat(log.messages(Level.WARN)).hasSize(1);
                assertThat(log.anyStackTrace()).isFalse();
            }
            assertThat(store().event(event.path("id").asText())).isEmpty();
        }
    }

    @Nested
    @DisplayName("order-safety: the same pairs delivered in reverse")
    class ReversedPairs {
        @Test
        @DisplayName("updated, then a late created: the newer updated state stays")
        void updatedThenCreated() {
            ok(f.deliver(f.checkoutCompleted(T)));
            ObjectNode created = f.withTrial(f.subscription("created", T.plusSeconds(1), "trialing", PRO, T,
                    T.plus(Duration.ofDays(14))), T, T.plus(Duration.ofDays(14)));
            ObjectNode updated = f.subscription("updated", T.plusSeconds(2), "active", PRO, T, PERIOD_END);

            ok(f.deliver(updated));
            JsonNode late = ok(f.deliver(created));

            assertThat(late.path("outcome").asText()).startsWith("stale");
            assertThat(f.account().path("subscriptionStatus").asText()).isEqualTo("active");
            assertThat(f.profile().subscriptionStatus()).isEqualTo("active");
        }

        @Test
        @DisplayName("updated and created in the same second, reversed: updated still wins")
        void sameSecond() {
            ok(f.deliver(f.checkoutCompleted(T)));
            ObjectNode created = f.subscription("created", T.plusSeconds(1), "incomplete", PRO, T, PERIOD_END);
            ObjectNode updated = f.subscription("updated", T.plusSeconds(1), "active", PRO, T, PERIOD_END);

            ok(f.deliver(updated));
            ok(f.deliver(created));

            assertThat(f.account().path("subscriptionStatus").asText()).isEqualTo("active");
            assertThat(f.account().path("tier").asText()).isEqualTo("pro");
        }

        @Test
        @DisplayName("deleted, then a late updated: the subscription stays canceled")
        void deletedThenUpdated() {
            subscribed(PRO);
            ObjectNode updated = f.subscription("updated", T.plusSeconds(60), "past_due", PRO, T, PERIOD_END);
            ObjectNode deleted = f.subscription("deleted", T.plusSeconds(120), "canceled", PRO, T, PERIOD_END);

            ok(f.deliver(deleted));
            JsonNode late = ok(f.deliver(updated));

            assertThat(late.path("outcome").asText()).startsWith("stale");
            assertThat(f.account().path("subscriptionStatus").asText()).isEqualTo("canceled");
        }

        @Test
        @DisplayName("invoice paid, then a late payment_failed for the same invoice: payment stays ok, no grace period starts")
        void paidThenFailed() {
            subscribed(PRO);
            String invoice = f.invoiceId(1);
            ObjectNode failed = f.invoice("invoice.payment_failed", T.plusSeconds(60), invoice, 14900, 1);
            ObjectNode paid = f.invoice("invoice.paid", T.plusSeconds(120), invoice, 14900, 2);

            ok(f.deliver(paid));
            JsonNode late = ok(f.deliver(failed));

            assertThat(late.path("outcome").asText()).startsWith("stale");
            JsonNode payment = f.account().path("payment");
            assertThat(payment.path("state").asText()).isEqualTo("ok");
            assertThat(payment.path("newOrdersStopped").asBoolean()).isFalse();
            assertThat(f.account().path("payment").has("graceEndsAt")).isFalse();
        }

        @Test
        @DisplayName("subscription created before checkout links the customer: the trader gets the tier once checkout arrives")
        void subscriptionBeforeCheckout() {
            JsonNode unlinked = ok(f.deliver(f.subscription("created", T, "active", ENTERPRISE, T, PERIOD_END)));
            assertThat(unlinked.path("outcome").asText()).startsWith("unlinked");
            assertThat(f.account().path("tier").asText()).isEqualTo("free");

            ok(f.deliver(f.checkoutCompleted(T.plusSeconds(1))));

            assertThat(f.account().path("tier").asText()).isEqualTo("enterprise");
            assertThat(f.profile().tier()).isEqualTo("enterprise");
            assertThat(store().subscription(f.subscriptionId).orElseThrow().userId()).isEqualTo(f.userId);
        }
    }

    @Nested
    @DisplayName("plan changes")
    class PlanChanges {
        @Test
        @DisplayName("a new trader on the 14-day Pro trial gets pro at once, with the trial end shown")
        void trial() {
            ok(f.deliver(f.checkoutCompleted(T)));
            Instant trialEnd = T.plus(Duration.ofDays(14));

            ok(f.deliver(f.withTrial(f.subscription("created", T.plusSeconds(1), "trialing", PRO, T, trialEnd), T,
                    trialEnd)));

            JsonNode account = f.account();
            assertThat(account.path("tier").asText()).isEqualTo("pro");
            assertThat(account.path("subscriptionStatus").asText()).isEqualTo("trialing");
            assertThat(Instant.parse(account.path("trialEndsAt").asText())).isEqualTo(trialEnd);
            assertThat(account.path("entitlements").path("maxOpenPositions").asInt()).isEqualTo(10);
        }

        @Test
        @DisplayName("an upgrade takes the new tier now, and the profile and entitlements follow")
        void upgrade() {
            subscribed(BASIC);
            assertThat(f.account().path("tier").asText()).isEqualTo("basic");

            ok(f.deliver(f.subscription("updated", T.plus(Duration.ofDays(3)), "active", PRO, T, PERIOD_END)));

            JsonNode account = f.account();
            assertThat(account.path("tier").asText()).isEqualTo("pro");
            assertThat(account.path("entitlements").path("maxPositionUsd").asText()).isEqualTo("2000");
            assertThat(f.profile().tier()).isEqualTo("pro");
        }

        @Test
        @DisplayName("a downgrade mid-period keeps the paid tier until the period ends, then applies")
        void downgrade() {
            subscribed(PRO);

            ok(f.deliver(f.subscription("updated", T.plus(Duration.ofDays(3)), "active", BASIC, T, PERIOD_END)));

            JsonNode during = f.account();
            assertThat(during.path("tier").asText()).isEqualTo("pro");
            assertThat(during.path("atPeriodEnd").path("action").asText()).isEqualTo("downgrade");
            assertThat(during.path("atPeriodEnd").path("tier").asText()).isEqualTo("basic");
            assertThat(Instant.parse(during.path("atPeriodEnd").path("at").asText())).isEqualTo(PERIOD_END);
            assertThat(f.profile().tier()).isEqualTo("pro");
            assertThat(f.standing().tier()).isEqualTo("pro");

            f.clock().set(PERIOD_END.plusSeconds(1));

            assertThat(f.standing().tier()).isEqualTo("basic");
            assertThat(f.account().path("tier").asText()).isEqualTo("basic");
            assertThat(f.profile().tier()).as("settled on read").isEqualTo("basic");
        }

        @Test
        @DisplayName("the renewal that starts the next period on the lower price applies the downgrade")
        void downgradeAtRenewal() {
            subscribed(PRO);
            ok(f.deliver(f.subscription("updated", T.plus(Duration.ofDays(3)), "active", BASIC, T, PERIOD_END)));

            ok(f.deliver(f.subscription("updated", PERIOD_END, "active", BASIC, PERIOD_END,
                    PERIOD_END.plus(Duration.ofDays(31)))));

            assertThat(f.account().path("tier").asText()).isEqualTo("basic");
            assertThat(f.account().path("atPeriodEnd").path("action").asText()).isEqualTo("renew");
        }

        @Test
        @DisplayName("cancel at period end: the tier stays until the period ends, then free; positions are never touched")
        void cancelAtPeriodEnd() {
            subscribed(PRO);

            ok(f.deliver(f.cancelAtPeriodEnd(f.subscription("updated", T.plus(Duration.ofDays(5)), "active", PRO, T,
                    PERIOD_END))));

            JsonNode during = f.account();
            assertThat(during.path("tier").asText()).isEqualTo("pro");
            assertThat(during.path("atPeriodEnd").path("action").asText()).isEqualTo("cancel");
            assertThat(during.path("atPeriodEnd").path("tier").asText()).isEqualTo("free");
            assertThat(during.has("renewsAt")).isFalse();

            ok(f.deliver(f.subscription("deleted", PERIOD_END, "canceled", PRO, T, PERIOD_END)));

            JsonNode after = f.account();
            assertThat(after.path("tier").asText()).isEqualTo("free");
            assertThat(after.path("subscriptionStatus").asText()).isEqualTo("canceled");
            assertThat(f.profile().tier()).isEqualTo("free");
            assertThat(f.standing().newOrdersStopped()).as("free traders still trade (paper)").isFalse();
        }

        @Test
        @DisplayName("canceled mid-period: the paid tier lasts until the period end, then free")
        void canceledNow() {
            subscribed(PRO);

            ok(f.deliver(f.subscription("deleted", T.plus(Duration.ofDays(10)), "canceled", PRO, T, PERIOD_END)));

            assertThat(f.account().path("tier").asText()).isEqualTo("pro");
            f.clock().set(PERIOD_END);
            assertThat(f.account().path("tier").asText()).isEqualTo("free");
        }

        @Test
        @DisplayName("a price no tier maps to buys nothing: free, and counted")
        void unknownPrice() {
            ok(f.deliver(f.checkoutCompleted(T)));

            JsonNode body = ok(f.deliver(f.subscription("created", T.plusSeconds(1), "active", StripeFixture.UNSOLD, T,
                    PERIOD_END)));

            assertThat(body.path("outcome").asText()).contains("unknown price");
            assertThat(f.account().path("tier").asText()).isEqualTo("free");
        }
    }

    @Nested
    @DisplayName("payment failure")
    class PaymentFailure {
        @Test
        @DisplayName("payment failed → past_due keeps trading for the 3-day grace period → then new orders stop → paying resumes them")
        void graceThenStop() {
            subscribed(PRO);
            Instant failedAt = PERIOD_END.plusSeconds(3600);
            String invoice = f.invoiceId(2);

            ok(f.deliver(f.invoice("invoice.payment_failed", failedAt, invoice, 14900, 1)));
            ok(f.deliver(f.subscription("updated", failedAt.plusSeconds(1), "past_due", PRO, PERIOD_END,
                    PERIOD_END.plus(Duration.ofDays(31)))));

            JsonNode inGrace = f.account();
            assertThat(inGrace.path("subscriptionStatus").asText()).isEqualTo("past_due");
            assertThat(inGrace.path("tier").asText()).isEqualTo("pro");
            assertThat(inGrace.path("payment").path("state").asText()).isEqualTo("failed");
            assertThat(Instant.parse(inGrace.path("payment").path("graceEndsAt").asText()))
                    .isEqualTo(failedAt.plus(Duration.ofDays(3)));
            assertThat(inGrace.path("payment").path("hostedInvoiceUrl").asText()).contains(invoice);
            assertThat(inGrace.path("payment").path("newOrdersStopped").asBoolean()).isFalse();
            assertThat(f.standing().newOrdersStopped()).isFalse();

            f.clock().set(failedAt.plus(Duration.ofDays(3)).minusSeconds(1));
            assertThat(f.standing().newOrdersStopped()).isFalse();

            f.clock().set(failedAt.plus(Duration.ofDays(3)));
            assertThat(f.standing().newOrdersStopped()).isTrue();
            assertThat(f.account().path("payment").path("newOrdersStopped").asBoolean()).isTrue();
            assertThat(f.account().path("tier").asText()).as("the tier stays; only new orders stop").isEqualTo("pro");

            ok(f.deliver(f.invoice("invoice.paid", failedAt.plus(Duration.ofDays(4)), invoice, 14900, 2)));
            ok(f.deliver(f.subscription("updated", failedAt.plus(Duration.ofDays(4)).plusSeconds(1), "active", PRO,
                    PERIOD_END, PERIOD_END.plus(Duration.ofDays(31)))));

            assertThat(f.standing().newOrdersStopped()).isFalse();
            assertThat(f.account().path("payment").path("state").asText()).isEqualTo("ok");
        }

        @Test
        @DisplayName("a paid invoice alone lifts the stop even before Stripe's subscription update arrives")
        void paidInvoiceLiftsStop() {
            subscribed(PRO);
            Instant failedAt = PERIOD_END.plusSeconds(60);
            ok(f.deliver(f.invoice("invoice.payment_failed", failedAt, f.invoiceId(2), 14900, 1)));
            ok(f.deliver(f.subscription("updated", failedAt.plusSeconds(1), "past_due", PRO, PERIOD_END,
                    PERIOD_END.plus(Duration.ofDays(31)))));
            f.clock().set(failedAt.plus(Duration.ofDays(5)));
            assertThat(f.standing().newOrdersStopped()).isTrue();

            ok(f.deliver(f.invoice("invoice.paid", failedAt.plus(Duration.ofDays(5)), f.invoiceId(2), 14900, 3)));

            assertThat(f.standing().newOrdersStopped()).isFalse();
        }

        @Test
        @DisplayName("payment_action_required shows the invoice to confirm and keeps the grace period running")
        void actionRequired() {
            subscribed(PRO);
            Instant at = PERIOD_END.plusSeconds(60);

            ok(f.deliver(f.invoice("invoice.payment_action_required", at, f.invoiceId(2), 14900, 1)));
            ok(f.deliver(f.subscription("updated", at.plusSeconds(1), "past_due", PRO, PERIOD_END,
                    PERIOD_END.plus(Duration.ofDays(31)))));

            JsonNode payment = f.account().path("payment");
            assertThat(payment.path("state").asText()).isEqualTo("action_required");
            assertThat(payment.path("hostedInvoiceUrl").asText()).contains(f.invoiceId(2));
            assertThat(payment.has("graceEndsAt")).isTrue();
        }
    }

    @Test
    @DisplayName("the sample events in events/stripe, signed and delivered in Stripe's order, take a trader from trial to paid to canceled")
    void sampleEventsInOrder() {
        f.clock().set(Instant.parse("2026-11-02T09:15:00Z"));
        String[] files = {"customer-subscription-created.json", "checkout-session-completed.json",
                "customer-updated.json", "customer-subscription-trial-will-end.json",
                "customer-subscription-updated.json", "invoice-paid.json", "invoice-payment-action-required.json",
                "invoice-payment-failed.json", "customer-subscription-deleted.json"};
        for (String file : files) {
            APIGatewayV2HTTPResponse response = f.deliver(f.sample(file));
            assertThat(response.getStatusCode()).as(file + ": " + response.getBody()).isEqualTo(200);
            if (file.startsWith("checkout")) {
                assertThat(f.account().path("subscriptionStatus").asText()).isEqualTo("trialing");
                assertThat(f.account().path("tier").asText()).isEqualTo("pro");
            }
            if (file.equals("invoice-paid.json")) {
                assertThat(f.account().path("subscriptionStatus").asText()).isEqualTo("active");
            }
        }
        JsonNode end = f.account();
        assertThat(end.path("subscriptionStatus").asText()).isEqualTo("canceled");
        assertThat(end.path("tier").asText()).isEqualTo("free");
        TradingTables tables = f.backends.context().getBean(TradingTables.class);
        assertThat(Optional.ofNullable(tables.table(StripeInvoiceItem.class).getItem(r -> r.key(Key.builder()
                .partitionValue(Keys.stripeInvoice(f.invoiceId(2))).sortValue(Keys.STRIPE_ITEM).build()))))
                .get().extracting(i -> i.status()).isEqualTo("payment_failed");
    }
}
