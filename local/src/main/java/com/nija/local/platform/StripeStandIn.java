package com.nija.local.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.nija.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Stripe's API on the local platform, as WireMock answering the bodies Stripe's API reference documents
 * ({@code stand-ins/stripe-api/}, the same ones the billing handler tests serve): NIJA's six prices (list and
 * retrieve), Checkout Sessions and Customer Portal sessions. Like Stripe, it answers only the platform's test key
 * as a bearer token, and session creation only with an {@code Idempotency-Key}. The platform is configured to use it
 * (API base, key, the prices' ids) and takes webhooks signed with {@link #webhookSecret()}, so a test or a person
 * plays Stripe's side by posting {@code events/stripe/} to {@code /webhooks/stripe}.
 */
public final class StripeStandIn implements AutoCloseable {
    /** A Stripe test-mode key shape; it opens nothing but this stand-in. */
    public static final String API_KEY = "sk_test_51NijaLocalStandIn0000000000000000000000000000000";

    /** A price NIJA sells: its Stripe id, lookup key, amount in cents and interval. */
    public record Price(String id, String lookupKey, long cents, String interval) {}

    /** Yearly is 12 × monthly less 20 %; the Pro monthly id is the one in the {@code events/stripe/} samples. */
    public static final List<Price> PRICES = List.of(
            new Price("price_1SQd1qLfX2nijaBasicMonth", "nija_basic_monthly", 4900, "month"),
            new Price("price_1SQd1qLfX2nijaBasic0Year", "nija_basic_yearly", 47040, "year"),
            new Price("price_1SQd1qLfX2nijaPro0Month", "nija_pro_monthly", 14900, "month"),
            new Price("price_1SQd1qLfX2nijaPro00Year", "nija_pro_yearly", 143040, "year"),
            new Price("price_1SQd1qLfX2nijaEnt0Month", "nija_enterprise_monthly", 49900, "month"),
            new Price("price_1SQd1qLfX2nijaEnt00Year", "nija_enterprise_yearly", 479040, "year"));

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    private final String webhookSecret;

    private StripeStandIn(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    /** Starts the stand-in with its stubs; the webhook secret is kept in {@code home} so runs agree on it. */
    public static StripeStandIn start(Path home) {
        StripeStandIn standIn = new StripeStandIn(LocalSecrets.stripeWebhookSecret(home));
        standIn.server.start();
        try {
            standIn.stub();
        } catch (RuntimeException e) {
            standIn.close();
            throw e;
        }
        return standIn;
    }

    /** Whether {@code up} should start it: not when a real Stripe (key or API base) is configured. */
    static boolean wanted(Map<String, Object> overrides, Map<String, String> env) {
        return !overrides.containsKey("nija.billing.stripe-api-base") && !overrides.containsKey("nija.billing.stripe-api-key")
                && blank(env.get("NIJA_STRIPE_API_KEY")) && blank(env.get("NIJA_STRIPE_API_BASE"));
    }

    /** The platform's billing settings that point it here; {@code returnUrl} is the dashboard page Checkout returns to. */
    Map<String, Object> overrides(String returnUrl) {
        ObjectNode tierByPrice = Json.MAPPER.createObjectNode();
        for (Price p : PRICES) {
            String tier = p.lookupKey().split("_")[1];
            tierByPrice.put(p.id(), tier);
            tierByPrice.put(p.lookupKey(), tier);
        }
        return Map.of("nija.billing.stripe-api-base", baseUrl(), "nija.billing.stripe-api-key", API_KEY,
                "nija.billing.stripe-webhook-secret", webhookSecret, "nija.billing.return-url", returnUrl,
                "nija.billing.prices-json", tierByPrice.toString());
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** The secret {@code POST /webhooks/stripe} verifies {@code Stripe-Signature} with. */
    public String webhookSecret() {
        return webhookSecret;
    }

    private void stub() {
        ArrayNode data = Json.MAPPER.createArrayNode();
        for (Price p : PRICES) {
            ObjectNode price = price(p);
            data.add(price);
            server.stubFor(authorized(get(urlPathEqualTo("/v1/prices/" + p.id()))).willReturn(json(price.toString())));
        }
        // Stripe filters by lookup_keys[]; the platform asks for exactly these six, so the whole list answers.
        ObjectNode list = Json.MAPPER.createObjectNode();
        list.put("object", "list");
        list.put("url", "/v1/prices");
        list.put("has_more", false);
        list.set("data", data);
        server.stubFor(authorized(get(urlPathEqualTo("/v1/prices"))).willReturn(json(list.toString())));
        server.stubFor(idempotentPost("/v1/checkout/sessions").willReturn(json(text("checkout-session.json"))));
        server.stubFor(idempotentPost("/v1/billing_portal/sessions").willReturn(json(text("portal-session.json"))));
    }

    private static ObjectNode price(Price p) {
        try {
            ObjectNode price = (ObjectNode) Json.MAPPER.readTree(text("price-template.json"));
            price.put("id", p.id());
            price.put("lookup_key", p.lookupKey());
            price.put("unit_amount", p.cents());
            price.put("unit_amount_decimal", Long.toString(p.cents()));
            ((ObjectNode) price.get("recurring")).put("interval", p.interval());
            return price;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MappingBuilder authorized(MappingBuilder m) {
        return m.withHeader("Authorization", equalTo("Bearer " + API_KEY));
    }

    private static MappingBuilder idempotentPost(String path) {
        return authorized(post(urlPathEqualTo(path)))
                .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                .withHeader("Idempotency-Key", matching(".+"));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_NijaLocalStandIn").withBody(body);
    }

    private static String text(String file) {
        try (InputStream in = StripeStandIn.class.getResourceAsStream("/stripe-api/" + file)) {
            if (in == null) throw new IllegalStateException("stripe-api/" + file + " is not on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public void close() {
        server.stop();
    }
}
