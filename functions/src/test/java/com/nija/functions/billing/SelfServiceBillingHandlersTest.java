package com.nija.functions.billing;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nija.functions.audit.GetAuditHandler;
import com.nija.functions.support.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Self-service billing through its three routes, against a WireMock Stripe answering the bodies Stripe's API reference
 * documents ({@link StripeStandIn}): what the routes answer, and exactly what they send Stripe (form fields, bearer
 * key, idempotency key). The trader's Stripe customer is linked the way production links it: a signed
 * {@code checkout.session.completed} from {@code events/stripe/} delivered to the webhook.
 */
class SelfServiceBillingHandlersTest {
    private static StripeStandIn stripe;

    @BeforeAll
    static void start() {
        stripe = new StripeStandIn().sellingDefaultPrices().checkoutSessions().portalSessions();
    }

    @AfterAll
    static void stop() {
        stripe.close();
    }

    private static StripeFixture trader() {
        return StripeFixture.newCustomer(stripe.backends);
    }

    private static APIGatewayV2HTTPResponse checkout(StripeFixture f, String body, String key) {
        APIGatewayV2HTTPEvent event = Events.withBody(Events.http("api/billing-checkout.json", f.userId), body);
        Events.withHeader(event, "idempotency-key", key);
        return new CreateCheckoutHandler(stripe.backends.context()).handleRequest(event, null);
    }

    private static APIGatewayV2HTTPResponse portal(StripeFixture f, String key) {
        APIGatewayV2HTTPEvent event = Events.withHeader(Events.http("api/billing-portal.json", f.userId),
                "idempotency-key", key);
        return new CreatePortalSessionHandler(stripe.backends.context()).handleRequest(event, null);
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    /** The checkout requests Stripe received for this trader, oldest first. */
    private static List<Map<String, String>> checkoutsOf(StripeFixture f) {
        return stripe.requests("/v1/checkout/sessions").stream().map(StripeStandIn::form)
                .filter(form -> f.userId.equals(form.get("client_reference_id"))).toList();
    }

    private static List<LoggedRequest> checkoutRequestsOf(StripeFixture f) {
        return stripe.requests("/v1/checkout/sessions").stream()
                .filter(r -> f.userId.equals(StripeStandIn.form(r).get("client_reference_id"))).toList();
    }

    /** The trader's first checkout completed: Stripe's event links its new customer to them. */
    private static void checkoutCompleted(StripeFixture f) {
        ok(f.deliver(f.checkoutCompleted(f.clock().instant())));
    }

    /** The trader's first checkout completed and Stripe created a 30-day subscription to {@code price}; its start. */
    private static Instant subscribed(StripeFixture f, StripeFixture.Price price) {
        Instant t = f.clock().instant();
        checkoutCompleted(f);
        ok(f.deliver(f.subscription("created", t.plusSeconds(1), "active", price, t, t.plus(Duration.ofDays(30)))));
        return t;
    }

    @Nested
    class Plans {
        @Test
        @DisplayName("plans list every tier cheapest first with its limits and the monthly and yearly amounts Stripe charges")
        void plansWithStripePrices() {
            StripeFixture f = trader();

            JsonNode plans = ok(new GetBillingPlansHandler(stripe.backends.context())
                    .handleRequest(Events.http("api/billing-plans.json", f.userId), null));

            assertThat(texts(plans.path("plans"), "plan")).containsExactly("free", "basic", "pro", "enterprise");
            JsonNode free = plans.path("plans").get(0);
            assertThat(free.path("prices").size()).as("free is not sold").isZero();
            assertThat(free.path("limits").path("liveTrading").asBoolean()).isFalse();
            JsonNode pro = plans.path("plans").get(2);
            assertThat(pro.path("limits").path("maxOpenPositions").asInt()).isEqualTo(10);
            assertThat(pro.path("prices").path("month").path("amount").asText()).isEqualTo("149.00");
            assertThat(pro.path("prices").path("month").path("currency").asText()).isEqualTo("usd");
            assertThat(pro.path("prices").path("year").path("amount").asText()).isEqualTo("1430.40");
            assertThat(pro.path("prices").path("year").path("priceId").asText()).isEqualTo("price_1SQtestProYearly");
            assertThat(plans.path("trial").path("days").asInt()).isEqualTo(14);
            assertThat(plans.path("trial").path("eligible").asBoolean()).isTrue();
            LoggedRequest listing = stripe.requests("/v1/prices").get(0);
            assertThat(listing.getHeader("Authorization")).isEqualTo("Bearer " + StripeStandIn.API_KEY);
            assertThat(listing.queryParameter("active").firstValue()).isEqualTo("true");
            assertThat(listing.getUrl()).contains("nija_pro_yearly").contains("nija_enterprise_monthly");
        }

        @Test
        @DisplayName("a trader whose first checkout completed is told the trial is no longer theirs")
        void trialUsed() {
            StripeFixture f = trader();
            checkoutCompleted(f);

            JsonNode plans = ok(new GetBillingPlansHandler(stripe.backends.context())
                    .handleRequest(Events.http("api/billing-plans.json", f.userId), null));

            assertThat(plans.path("trial").path("eligible").asBoolean()).isFalse();
        }
    }

    @Nested
    class Checkout {
        @Test
        @DisplayName("a first checkout asks Stripe for a subscription to the price, for this trader, with the trial and dashboard URLs")
        void firstCheckout() {
            StripeFixture f = trader();

            JsonNode link = ok(checkout(f, "{\"plan\":\"pro\",\"interval\":\"year\"}", newKey()));

            assertThat(link.path("url").asText()).startsWith("https://checkout.stripe.com/c/pay/cs_test_");
            List<LoggedRequest> sent = checkoutRequestsOf(f);
            assertThat(sent).hasSize(1);
            Map<String, String> form = StripeStandIn.form(sent.get(0));
            assertThat(form).containsEntry("mode", "subscription")
                    .containsEntry("line_items[0][price]", "price_1SQtestProYearly")
                    .containsEntry("line_items[0][quantity]", "1")
                    .containsEntry("client_reference_id", f.userId)
                    .containsEntry("subscription_data[trial_period_days]", "14")
                    .containsEntry("subscription_data[metadata][nija_user_id]", f.userId)
                    .containsEntry("success_url", StripeStandIn.RETURN_URL
                            + "?billing=success&session_id={CHECKOUT_SESSION_ID}")
                    .containsEntry("cancel_url", StripeStandIn.RETURN_URL + "?billing=canceled")
                    .doesNotContainKey("customer");
            assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer " + StripeStandIn.API_KEY);
            assertThat(sent.get(0).getHeader("Idempotency-Key")).startsWith("nija-checkout-");
        }

        @Test
        @DisplayName("a retried request sends Stripe the same idempotency key, so it gets the same session; a new request another")
        void retriedRequestSameKey() {
            StripeFixture f = trader();
            String key = newKey();

            ok(checkout(f, "{\"plan\":\"basic\",\"interval\":\"month\"}", key));
            ok(checkout(f, "{\"plan\":\"basic\",\"interval\":\"month\"}", key));
            ok(checkout(f, "{\"plan\":\"basic\",\"interval\":\"month\"}", newKey()));

            List<String> keys = checkoutRequestsOf(f).stream().map(r -> r.getHeader("Idempotency-Key")).toList();
            assertThat(keys).hasSize(3);
            assertThat(keys.get(1)).isEqualTo(keys.get(0));
            assertThat(keys.get(2)).isNotEqualTo(keys.get(0));
        }

        @Test
        @DisplayName("without an Idempotency-Key the gateway's request id keys the session: the same request again, the same session")
        void requestIdKeys() {
            StripeFixture f = trader();

            ok(checkout(f, "{\"plan\":\"basic\",\"interval\":\"month\"}", null));
            ok(checkout(f, "{\"plan\":\"basic\",\"interval\":\"month\"}", null));

            List<String> keys = checkoutRequestsOf(f).stream().map(r -> r.getHeader("Idempotency-Key")).toList();
            assertThat(keys).hasSize(2).doesNotContainNull();
            assertThat(keys.get(1)).isEqualTo(keys.get(0));
        }

        @Test
        @DisplayName("a trader whose subscription ended checks out again as their Stripe customer, without a second trial")
        void returningCustomer() {
            StripeFixture f = trader();
            Instant t = subscribed(f, StripeFixture.BASIC);
            ok(f.deliver(f.subscription("deleted", t.plus(Duration.ofDays(2)), "canceled", StripeFixture.BASIC, t,
                    t.plus(Duration.ofDays(30)))));

            ok(checkout(f, "{\"plan\":\"pro\",\"interval\":\"month\"}", newKey()));

            Map<String, String> form = checkoutsOf(f).get(0);
            assertThat(form).containsEntry("customer", f.customerId)
                    .containsEntry("line_items[0][price]", "price_1SQtestProMonthly")
                    .doesNotContainKey("subscription_data[trial_period_days]");
        }

        @Test
        @DisplayName("a subscriber is refused a second subscription, to their plan or another (409 plan-conflict), and Stripe is not asked")
        void subscriberRefused() {
            StripeFixture f = trader();
            subscribed(f, StripeFixture.PRO);

            JsonNode same = problem(checkout(f, "{\"plan\":\"pro\",\"interval\":\"month\"}", newKey()), 409,
                    "plan-conflict");
            JsonNode other = problem(checkout(f, "{\"plan\":\"enterprise\",\"interval\":\"year\"}", newKey()), 409,
                    "plan-conflict");

            assertThat(same.path("detail").asText()).contains("already subscribe to pro");
            assertThat(other.path("detail").asText()).contains("billing portal");
            assertThat(checkoutsOf(f)).isEmpty();
        }

        @Test
        @DisplayName("the free plan needs no checkout: 409 plan-conflict")
        void freeRefused() {
            StripeFixture f = trader();

            problem(checkout(f, "{\"plan\":\"free\",\"interval\":\"month\"}", newKey()), 409, "plan-conflict");

            assertThat(checkoutsOf(f)).isEmpty();
        }

        @Test
        @DisplayName("an unknown plan and interval are refused 400, naming both fields; Stripe is not asked")
        void badInput() {
            StripeFixture f = trader();

            JsonNode refused = problem(checkout(f, "{\"plan\":\"platinum\",\"interval\":\"week\"}", newKey()), 400,
                    "invalid-input");
            JsonNode missing = problem(checkout(f, "{}", newKey()), 400, "invalid-input");

            assertThat(texts(refused.path("errors"), "field")).containsExactly("plan", "interval");
            assertThat(refused.path("errors").get(0).path("message").asText()).contains("basic", "enterprise", "pro");
            assertThat(texts(missing.path("errors"), "message")).containsOnly("is required");
            assertThat(checkoutsOf(f)).isEmpty();
        }

        @Test
        @DisplayName("a malformed Idempotency-Key is refused 400 naming it")
        void badKey() {
            StripeFixture f = trader();

            JsonNode refused = problem(checkout(f, "{\"plan\":\"pro\",\"interval\":\"month\"}", "no spaces"), 400,
                    "invalid-input");

            assertThat(texts(refused.path("errors"), "field")).containsExactly("Idempotency-Key");
            assertThat(checkoutsOf(f)).isEmpty();
        }

        @Test
        @DisplayName("a checkout is in the trader's audit trail as their own action")
        void audited() {
            StripeFixture f = trader();

            ok(checkout(f, "{\"plan\":\"pro\",\"interval\":\"month\"}", newKey()));

            JsonNode items = ok(new GetAuditHandler(stripe.backends.context()).handleRequest(
                    Events.withQuery(Events.http("api/get-audit.json", f.userId), Map.of()), null)).path("items");
            assertThat(texts(items, "action")).containsExactly("POST /api/v1/billing/checkout");
            assertThat(texts(items, "actor")).containsExactly(f.userId);
        }
    }

    @Nested
    class Portal {
        @Test
        @DisplayName("before a first checkout completed there is no portal: 409 no-billing-customer, Stripe is not asked")
        void noCustomer() {
            StripeFixture f = trader();
            int before = stripe.requests("/v1/billing_portal/sessions").size();

            problem(portal(f, newKey()), 409, "no-billing-customer");

            assertThat(stripe.requests("/v1/billing_portal/sessions")).hasSize(before);
        }

        @Test
        @DisplayName("a customer gets a portal session for their Stripe customer, returning to the dashboard")
        void portalSession() {
            StripeFixture f = trader();
            checkoutCompleted(f);

            JsonNode link = ok(portal(f, newKey()));

            assertThat(link.path("url").asText()).startsWith("https://billing.stripe.com/p/session/");
            LoggedRequest sent = stripe.requests("/v1/billing_portal/sessions").stream()
                    .filter(r -> f.customerId.equals(StripeStandIn.form(r).get("customer"))).findFirst().orElseThrow();
            assertThat(StripeStandIn.form(sent)).containsEntry("return_url", StripeStandIn.RETURN_URL + "?billing=portal");
            assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + StripeStandIn.API_KEY);
            assertThat(sent.getHeader("Idempotency-Key")).startsWith("nija-portal-");
        }
    }
}
