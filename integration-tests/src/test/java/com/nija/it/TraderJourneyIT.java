package com.nija.it;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nija.it.support.AlpacaStandIn;
import com.nija.it.support.Await;
import com.nija.it.support.Api;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.LocalPlatformOnly;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import com.nija.local.platform.LocalPlatform;
import com.nija.local.services.mail.GreenMailServer;
import com.nija.local.platform.StripeStandIn;
import com.nija.shared.config.PlatformClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.mail.internet.MimeMessage;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The issue's "done when" journey on the shared platform and its stand-ins: a new trader signs up, accepts the terms,
 * trades on paper in the Pro trial, buys Pro through Checkout (the platform's Stripe stand-in answers; the test plays
 * Stripe's side by posting the documented events signed as Stripe signs them), graduates by an admin's waiver, goes
 * live at Alpaca's stand-in, and a signal fills there.
 */
@PlatformTest
@LocalPlatformOnly("the trader signs up through the local platform's sign-up and Stripe is its stand-in")
@DisplayName("A trader's journey: sign-up, terms, trial, paper, checkout, paid, graduation, live")
class TraderJourneyIT {
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    /** The ids of the {@code events/stripe/} samples, rewritten so each run is a customer Stripe has never seen. */
    private static final String SAMPLE_TRADER = "\"demo-trader\"";
    private static final String SAMPLE_CUSTOMER = "cus_TQd7nYw2kHcE4x";
    private static final String SAMPLE_SUBSCRIPTION = "sub_1SQd7qLfX2nija8Rk0TrPro1";

    private final ApiTarget target;
    private final Api api;
    private final LocalPlatform platform;
    private final StripeStandIn stripe;

    TraderJourneyIT(ApiTarget target) {
        this.target = target;
        this.api = new Api(target);
        this.platform = target.platform("signing up, admin tokens and the Stripe stand-in's webhook secret");
        this.stripe = platform.stripe().orElseThrow(() -> new AssertionError("the platform started no Stripe stand-in"));
    }

    @Test
    @DisplayName("sign up → terms → Pro trial with $10,000 on paper → plans and Checkout → Stripe's events make it paid "
            + "→ an admin's waiver graduates it → live at a venue, where a signal fills")
    void signUpToALiveFill() throws Exception {
        // 1. Sign up (the local stand-in for Cognito's confirmed sign-up), not yet accepting the terms.
        String id = ApiTarget.newTraderId("journey");
        JsonNode signedUp = api.send("POST", "/local/sign-up", null, JSON,
                "{\"traderId\":\"" + id + "\",\"acceptTerms\":false}").expect(201).json();
        assertThat(signedUp.path("created").asBoolean()).isTrue();
        Trader trader = new Trader(api, id, platform.tokens().issue(id, List.of(), Duration.ofMinutes(30)));

        // 2. Terms: asked at sign-in, accepted through the API.
        JsonNode account = account(trader);
        assertThat(account.path("termsRequired").asBoolean()).isTrue();
        JsonNode terms = account.path("terms");
        api.send("POST", "/api/v1/account/terms", trader.token(), JSON, "{\"terms\":\""
                + terms.path("currentTerms").asText() + "\",\"riskDisclosure\":\""
                + terms.path("currentRiskDisclosure").asText() + "\"}").ok();

        // 3. The 14-day Pro trial and $10,000 on paper.
        account = account(trader);
        assertThat(account.path("termsRequired").asBoolean()).isFalse();
        assertThat(account.path("tier").asText()).isEqualTo("pro");
        assertThat(Duration.between(PlatformClock.system().instant().plus(Duration.ofDays(14)),
                Instant.parse(account.path("trialEndsAt").asText())).abs()).isLessThan(Duration.ofMinutes(5));
        assertThat(account.path("tradingMode").path("mode").asText()).isEqualTo("paper");
        assertThat(trader.dashboard().path("cash").asText()).isEqualTo("10000.00");

        // 4. Plans at the prices Stripe (its stand-in) holds, then a Checkout Session for Pro, monthly.
        JsonNode pro = plan(api.get("/api/v1/billing/plans", trader.token()).ok(), "pro");
        assertThat(new BigDecimal(pro.path("prices").path("month").path("amount").asText())).isEqualByComparingTo("149");
        assertThat(new BigDecimal(pro.path("prices").path("year").path("amount").asText())).isEqualByComparingTo("1430.40");
        JsonNode checkout = api.send("POST", "/api/v1/billing/checkout", trader.token(), JSON,
                "{\"plan\":\"pro\",\"interval\":\"month\"}").ok();
        assertThat(checkout.path("url").asText()).startsWith("https://checkout.stripe.com/");
        assertThat(checkoutFormsSentToStripe()).as("the session Stripe was asked for names the trader and Pro monthly")
                .anySatisfy(form -> assertThat(form).contains("client_reference_id=" + id)
                        .contains(StripeStandIn.PRICES.get(2).id()));

        // 5. Stripe's side: the trader paid; Stripe tells us in the order it documents.
        String customer = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        String subscription = "sub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        Instant now = PlatformClock.system().instant();
        Instant renews = now.plus(Duration.ofDays(30));
        deliver(sample("checkout-session-completed.json", id, customer, subscription, now.minusSeconds(3)));
        deliver(subscriptionEvent("customer-subscription-created.json", id, customer, subscription,
                now.minusSeconds(2), "incomplete", now, renews));
        deliver(subscriptionEvent("customer-subscription-updated.json", id, customer, subscription,
                now.minusSeconds(1), "active", now, renews));
        account = account(trader);
        assertThat(account.path("subscriptionStatus").asText()).isEqualTo("active");
        assertThat(account.path("tier").asText()).isEqualTo("pro");
        assertThat(Instant.parse(account.path("renewsAt").asText())).isEqualTo(renews.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(account.path("atPeriodEnd").path("action").asText()).isEqualTo("renew");
        // A paying customer now has Stripe's Customer Portal for invoices, plan changes and cancelling.
        assertThat(api.send("POST", "/api/v1/billing/portal", trader.token(), Map.of(), null).ok().path("url").asText())
                .startsWith("https://billing.stripe.com/");

        // 6. Graduation by an admin's waiver (signed in with two factors), then live at Alpaca.
        String admin = platform.tokens().issue(ApiTarget.newTraderId("journey admin"), List.of("admin"),
                Duration.ofMinutes(10));
        assertThat(api.send("POST", "/api/v1/admin/traders/" + id + "/graduation-waiver", admin, JSON,
                "{\"reason\":\"journey test: a verified professional trader\"}").ok().path("graduated").asBoolean())
                .isTrue();
        AlpacaStandIn.Key key = AlpacaStandIn.shared().newKey();
        api.putJson("/api/v1/brokers/alpaca", trader.token(),
                Map.of("keyId", key.id(), "secretKey", key.secret(), "paper", true), null).ok();
        assertThat(api.send("POST", "/api/v1/brokers/alpaca/test", trader.token(), Map.of(), null).ok()
                .path("ok").asBoolean()).isTrue();
        api.putJson("/api/v1/trading/mode", trader.token(),
                Map.of("mode", "live", "venue", "alpaca", "acknowledgeRisk", true), null).ok();
        assertThat(account(trader).path("tradingMode").path("mode").asText()).isEqualTo("live");

        // 7. The trader asks to hear about fills by email and at their own HTTPS endpoint (a WireMock here).
        String address = "journey-" + UUID.randomUUID() + "@example.com";
        String hookPath = "/journey-hook/" + UUID.randomUUID();
        WireMockServer hooks = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
        hooks.start();
        try {
            hooks.stubFor(WireMock.post(urlPathEqualTo(hookPath)).willReturn(WireMock.aResponse().withStatus(200)));
            api.putJson("/api/v1/notifications/channels/email", trader.token(), Map.of("address", address), null)
                    .ok();
            String hookSecret = api.putJson("/api/v1/notifications/channels/webhook", trader.token(),
                    Map.of("url", hooks.baseUrl() + hookPath), null).ok().path("signingSecret").asText();
            api.putJson("/api/v1/notifications/preferences", trader.token(),
                    Map.of("events", Map.of("fill", List.of("email", "webhook"))), null).ok();

            // 8. A signal fills at the venue.
            SignalSource source = SignalSource.register(target, "the journey's strategy");
            trader.follow(source, Map.of("allowedSymbols", List.of("BTC-USD")));
            source.price("BTC-USD", "65000").expect(200);
            source.send(SignalSource.signal("buy", "BTC-USD")).expect(202);
            JsonNode order = trader.awaitOrders("the live buy filled", "filled", o -> !o.isEmpty()).get(0);
            assertThat(order.path("venue").asText()).isEqualTo("alpaca");
            assertThat(new BigDecimal(order.path("fillPrice").asText())).isEqualByComparingTo("65012.5");
            assertThat(AlpacaStandIn.shared().orders(key)).hasSize(1);

            // 9. The fill reaches the trader: an email in the platform's GreenMail, a webhook signed with their secret.
            GreenMailServer mail = target.platform("reading its mail").mail();
            MimeMessage email = Await.until("the live fill's email", Duration.ofSeconds(30),
                    () -> mailTo(mail, address),
                    m -> m != null);
            assertThat(email.getSubject()).contains("BTC-USD").contains("filled");
            LoggedRequest hook = Await.until("the live fill's webhook", Duration.ofSeconds(30),
                    () -> hooks.findAll(postRequestedFor(urlPathEqualTo(hookPath))), calls -> !calls.isEmpty()).get(0);
            assertThat(hook.getHeader("X-Nija-Event")).isEqualTo("fill");
            String header = hook.getHeader("X-Nija-Signature");
            String t = header.replaceAll(".*t=([0-9]+).*", "$1");
            assertThat(header).contains("v1=" + hmacHex(hookSecret, t + "." + hook.getBodyAsString()));
        } finally {
            hooks.stop();
        }
    }

    private static MimeMessage mailTo(GreenMailServer mail, String address) {
        try {
            for (MimeMessage m : mail.received()) {
                if (m.getAllRecipients()[0].toString().equals(address)) return m;
            }
            return null;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 in hex, computed here apart from the platform's signers (Stripe's and our webhooks' scheme). */
    private static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }

    private JsonNode account(Trader trader) {
        return api.get("/api/v1/account", trader.token()).ok();
    }

    private static JsonNode plan(JsonNode plans, String name) {
        for (JsonNode p : plans.path("plans")) if (name.equals(p.path("plan").asText())) return p;
        throw new AssertionError("no plan " + name + " in " + plans);
    }

    /** The form bodies of the Checkout Sessions the platform asked the Stripe stand-in for. */
    private List<String> checkoutFormsSentToStripe() {
        URI base = URI.create(stripe.baseUrl());
        return new WireMock(base.getHost(), base.getPort())
                .find(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(body -> java.net.URLDecoder.decode(body, StandardCharsets.UTF_8)).toList();
    }

    /** A sample from {@code events/stripe/} as this trader's, customer's and subscription's, created at {@code at}. */
    private static ObjectNode sample(String file, String trader, String customer, String subscription, Instant at) {
        try {
            String raw = Files.readString(Path.of("..", "events", "stripe", file))
                    .replace(SAMPLE_TRADER, "\"" + trader + "\"").replace(SAMPLE_CUSTOMER, customer)
                    .replace(SAMPLE_SUBSCRIPTION, subscription);
            ObjectNode event = (ObjectNode) Api.parse(raw);
            event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
            event.put("created", at.getEpochSecond());
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A subscription event in {@code status}, with no trial, billing [{@code start}, {@code end}). */
    private static ObjectNode subscriptionEvent(String file, String trader, String customer, String subscription,
                                                Instant at, String status, Instant start, Instant end) {
        ObjectNode event = sample(file, trader, customer, subscription, at);
        ObjectNode sub = (ObjectNode) event.path("data").path("object");
        sub.put("status", status);
        sub.putNull("trial_start");
        sub.putNull("trial_end");
        sub.put("cancel_at_period_end", false);
        sub.putNull("cancel_at");
        sub.putNull("canceled_at");
        sub.putNull("ended_at");
        ObjectNode item = (ObjectNode) sub.path("items").path("data").get(0);
        item.put("current_period_start", start.getEpochSecond());
        item.put("current_period_end", end.getEpochSecond());
        return event;
    }

    /**
     * Posts {@code event} to {@code /webhooks/stripe} signed as Stripe signs (Stripe docs, "Verify webhook signatures
     * manually": {@code Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.body" keyed with the whsec_ secret>}),
     * computed here rather than with the verifier under test.
     */
    private void deliver(ObjectNode event) {
        String body = event.toString();
        long t = PlatformClock.system().instant().getEpochSecond();
        String v1 = hmacHex(stripe.webhookSecret(), t + "." + body);
        api.send("POST", "/webhooks/stripe", null, Map.of("Content-Type", "application/json",
                "Stripe-Signature", "t=" + t + ",v1=" + v1), body).expect(200);
    }
}
