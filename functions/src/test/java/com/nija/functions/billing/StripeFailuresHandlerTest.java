package com.nija.functions.billing;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * When Stripe fails or billing is not set up, the billing routes answer a problem a client can act on, never a crash,
 * and never Stripe's own text (it may quote part of the key); the plans keep the last prices Stripe gave.
 */
class StripeFailuresHandlerTest {
    private static APIGatewayV2HTTPResponse plans(BillingBackends backends, String userId) {
        return new GetBillingPlansHandler(backends.context())
                .handleRequest(Events.http("api/billing-plans.json", userId), null);
    }

    private static APIGatewayV2HTTPResponse checkout(BillingBackends backends, String userId, String key) {
        APIGatewayV2HTTPEvent event = Events.withHeader(Events.http("api/billing-checkout.json", userId),
                "idempotency-key", key);
        return new CreateCheckoutHandler(backends.context()).handleRequest(event, null);
    }

    @Test
    @DisplayName("prices are read once per cache period; when a re-read fails the plans keep the prices read before")
    void stalePricesWhenStripeFails() {
        try (StripeStandIn stripe = new StripeStandIn().sellingDefaultPrices()) {
            StripeFixture f = StripeFixture.newCustomer(stripe.backends);
            JsonNode first = ok(plans(stripe.backends, f.userId));
            ok(plans(stripe.backends, f.userId));
            assertThat(stripe.requests("/v1/prices")).as("the second call is served from the cache").hasSize(1);

            stripe.failing("GET", "/v1/prices", 500, "error-authentication.json");
            f.later(Duration.ofMinutes(16));
            JsonNode stale = ok(plans(stripe.backends, f.userId));

            assertThat(stripe.requests("/v1/prices").size()).as("the expired cache was read again").isGreaterThan(1);
            assertThat(stale.path("plans")).isEqualTo(first.path("plans"));
            assertThat(stale.path("pricesAsOf").asText()).isEqualTo(first.path("pricesAsOf").asText());
        }
    }

    @Test
    @DisplayName("Stripe refusing our key: 503 billing-unavailable, with no part of any key in the answer")
    void keyRefused() {
        try (StripeStandIn stripe = new StripeStandIn()) {
            stripe.failing("GET", "/v1/prices", 401, "error-authentication.json");
            StripeFixture f = StripeFixture.newCustomer(stripe.backends);

            APIGatewayV2HTTPResponse plans = plans(stripe.backends, f.userId);
            APIGatewayV2HTTPResponse checkout = checkout(stripe.backends, f.userId, "key-" + f.userId);

            problem(plans, 503, "billing-unavailable");
            problem(checkout, 503, "billing-unavailable");
            assertThat(plans.getBody() + checkout.getBody()).doesNotContain("sk_test").doesNotContain("wxyz");
        }
    }

    @Test
    @DisplayName("an Idempotency-Key Stripe saw with other details: 409 conflict, not a second session")
    void keyReusedWithOtherDetails() {
        try (StripeStandIn stripe = new StripeStandIn().sellingDefaultPrices()) {
            stripe.failing("POST", "/v1/checkout/sessions", 400, "error-idempotency.json");
            StripeFixture f = StripeFixture.newCustomer(stripe.backends);

            problem(checkout(stripe.backends, f.userId, "key-" + f.userId), 409, "conflict");
        }
    }

    @Test
    @DisplayName("without a Stripe key (the local platform's default) every billing route answers 503 billing-not-configured")
    void notConfigured() {
        BillingBackends plain = BillingBackends.get();
        String userId = "t-unconfigured-" + System.nanoTime();

        JsonNode detail = problem(plans(plain, userId), 503, "billing-not-configured");
        problem(checkout(plain, userId, "key-" + userId), 503, "billing-not-configured");
        problem(new CreatePortalSessionHandler(plain.context()).handleRequest(
                Events.http("api/billing-portal.json", userId), null), 409, "no-billing-customer");

        assertThat(detail.path("detail").asText()).contains("Stripe API key");
    }
}
