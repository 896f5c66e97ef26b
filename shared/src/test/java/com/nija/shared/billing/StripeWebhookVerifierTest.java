package com.nija.shared.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.config.InMemorySecretSource;
import com.nija.shared.config.SecretResolver;
import com.stripe.net.Webhook;
import java.time.Duration;
import java.util.Map;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Signature checks with stripe-java against headers made the way Stripe makes them. */
class StripeWebhookVerifierTest {
    private static final String SECRET = "whsec_unitTestSecret";
    private static final Instant NOW = Instant.parse("2027-01-10T10:00:00Z");
    private static final String BODY = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"invoice.paid\","
            + "\"created\":1799575200,\"livemode\":false,\"data\":{\"object\":{\"id\":\"in_1\",\"object\":\"invoice\"}}}";

    private static StripeWebhookVerifier verifier(String secret) {
        BillingConfig config = new BillingConfig();
        config.setStripeWebhookSecret(secret);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new StripeWebhookVerifier(config, clock, new SecretResolver(new InMemorySecretSource(), clock,
                Duration.ofMinutes(5), Map.<String, String>of()::get));
    }

    private static String header(String body, long t) throws Exception {
        return Webhook.Signature.generateSignatureHeader(body, SECRET, t);
    }

    @Test
    @DisplayName("a fresh, correct signature yields the event")
    void valid() throws Exception {
        StripeEvent e = verifier(SECRET).verify(BODY, Optional.of(header(BODY, NOW.getEpochSecond())));

        assertThat(e.id()).isEqualTo("evt_1");
        assertThat(e.objectId()).isEqualTo("in_1");
    }

    @Test
    @DisplayName("300 s old is within tolerance, 301 s is not")
    void tolerance() throws Exception {
        verifier(SECRET).verify(BODY, Optional.of(header(BODY, NOW.getEpochSecond() - 300)));

        assertThatThrownBy(() -> verifier(SECRET).verify(BODY, Optional.of(header(BODY, NOW.getEpochSecond() - 301))))
                .isInstanceOf(StripeSignatureException.class);
    }

    @Test
    @DisplayName("no secret configured is a server fault for every webhook; a wrong one refuses it; the error never contains the secret or the header")
    void noSecret() throws Exception {
        String h = header(BODY, NOW.getEpochSecond());

        assertThatThrownBy(() -> verifier(null).verify(BODY, Optional.of(h)))
                .isInstanceOf(StripeWebhookNotConfiguredException.class);
        assertThatThrownBy(() -> verifier("whsec_other").verify(BODY, Optional.of(h)))
                .isInstanceOf(StripeSignatureException.class)
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain(SECRET).doesNotContain(h));
    }

    @Test
    @DisplayName("the config's text never shows the secret")
    void configToString() {
        BillingConfig config = new BillingConfig();
        config.setStripeWebhookSecret(SECRET);

        assertThat(config.toString()).doesNotContain(SECRET).contains("set");
    }

    @Test
    @DisplayName("after the signing secret is rotated in Secrets Manager, the first webhook signed with the new one is accepted, and the old one is refused from then on")
    void rotation() throws Exception {
        String arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:nija/dev/stripe-webhook-AbCdEf";
        InMemorySecretSource store = new InMemorySecretSource().put(arn, SECRET);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        StripeWebhookVerifier verifier = new StripeWebhookVerifier(new BillingConfig(), clock, new SecretResolver(store,
                clock, Duration.ofMinutes(5), Map.of("NIJA_STRIPE_WEBHOOK_SECRET_ARN", arn)::get));
        assertThat(store.reads()).as("reads while the verifier is built").isZero();
        verifier.verify(BODY, Optional.of(header(BODY, NOW.getEpochSecond())));

        store.put(arn, "whsec_rotatedSecret");
        String newHeader = Webhook.Signature.generateSignatureHeader(BODY, "whsec_rotatedSecret", NOW.getEpochSecond());

        assertThat(verifier.verify(BODY, Optional.of(newHeader)).id()).isEqualTo("evt_1");
        assertThatThrownBy(() -> verifier.verify(BODY, Optional.of(header(BODY, NOW.getEpochSecond()))))
                .isInstanceOf(StripeSignatureException.class);
    }
}
