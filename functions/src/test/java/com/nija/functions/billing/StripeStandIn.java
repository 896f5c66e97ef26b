package com.nija.functions.billing;

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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stripe's API as a WireMock server answering the bodies its API reference documents ({@code stripe-api/} on the test
 * classpath), and a billing context pointed at it ({@code nija.billing.stripe-api-base}) with a test-mode key. Every
 * stub requires the key as a bearer token and form-encoded POSTs with an {@code Idempotency-Key}, as Stripe does: a
 * call without them is answered 404 by WireMock and fails the test.
 */
final class StripeStandIn implements AutoCloseable {
    static final String API_KEY = "sk_test_51NijaHandlerTestsKey0123456789abcdefwxyz";
    static final String RETURN_URL = "https://app.nija.example/account";
    private static final String BEARER = "Bearer " + API_KEY;

    final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    final BillingBackends backends;

    StripeStandIn() {
        server.start();
        backends = BillingBackends.with(Map.of("nija.billing.stripe-api-base", server.baseUrl(),
                "nija.billing.stripe-api-key", API_KEY, "nija.billing.return-url", RETURN_URL,
                "nija.billing.price-cache-ttl", "15m"));
    }

    /** The six prices Checkout sells by default, listed by lookup key; yearly = 12 × monthly less 20 %. */
    StripeStandIn sellingDefaultPrices() {
        ArrayNode data = StripeFixture.MAPPER.createArrayNode();
        data.add(price("price_1SQtestBasicMonthly", "nija_basic_monthly", 4900, "month"));
        data.add(price("price_1SQtestBasicYearly", "nija_basic_yearly", 47040, "year"));
        data.add(price("price_1SQtestProMonthly", "nija_pro_monthly", 14900, "month"));
        data.add(price("price_1SQtestProYearly", "nija_pro_yearly", 143040, "year"));
        data.add(price("price_1SQtestEntMonthly", "nija_enterprise_monthly", 49900, "month"));
        data.add(price("price_1SQtestEntYearly", "nija_enterprise_yearly", 479040, "year"));
        return listing(data);
    }

    /** {@code GET /v1/prices} answers these prices (Stripe's list object). */
    StripeStandIn listing(ArrayNode prices) {
        ObjectNode list = StripeFixture.MAPPER.createObjectNode();
        list.put("object", "list");
        list.put("url", "/v1/prices");
        list.put("has_more", false);
        list.set("data", prices);
        server.stubFor(authorized(get(urlPathEqualTo("/v1/prices"))).willReturn(json(200, StripeFixture.json(list))));
        return this;
    }

    static ObjectNode price(String id, String lookupKey, long cents, String interval) {
        ObjectNode p = (ObjectNode) read("price-template.json");
        p.put("id", id);
        p.put("lookup_key", lookupKey);
        p.put("unit_amount", cents);
        p.put("unit_amount_decimal", Long.toString(cents));
        ((ObjectNode) p.get("recurring")).put("interval", interval);
        return p;
    }

    StripeStandIn checkoutSessions() {
        server.stubFor(idempotentPost("/v1/checkout/sessions").willReturn(json(200, text("checkout-session.json"))));
        return this;
    }

    StripeStandIn portalSessions() {
        server.stubFor(idempotentPost("/v1/billing_portal/sessions").willReturn(json(200, text("portal-session.json"))));
        return this;
    }

    /** {@code path} answers {@code status} with a documented error body. */
    StripeStandIn failing(String method, String path, int status, String errorFile) {
        MappingBuilder m = "GET".equals(method) ? get(urlPathEqualTo(path)) : post(urlPathEqualTo(path));
        server.stubFor(m.willReturn(json(status, text(errorFile))));
        return this;
    }

    List<LoggedRequest> requests(String path) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlPathEqualTo(path)));
    }

    /** The form fields of a logged POST, decoded ({@code line_items[0][price]} → value). */
    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static MappingBuilder authorized(MappingBuilder m) {
        return m.withHeader("Authorization", equalTo(BEARER));
    }

    private static MappingBuilder idempotentPost(String path) {
        return authorized(post(urlPathEqualTo(path)))
                .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                .withHeader("Idempotency-Key", matching(".+"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_NijaStandIn0001").withBody(body);
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String file) {
        try {
            return StripeFixture.MAPPER.readTree(text(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String file) {
        return StripeFixture.read("/stripe-api/" + file);
    }

    @Override
    public void close() {
        server.stop();
    }
}
