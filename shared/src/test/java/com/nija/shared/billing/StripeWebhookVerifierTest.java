package com.nija.shared.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.net.Webhook;
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
        return new StripeWebhookVerifier(config, Clock.fixed(NOW, ZoneOffset.UTC), new com.nija.shared.config.SecretResolver());
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
}
