package com.nija.shared.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.json.Json;
import com.nija.shared.problem.InvalidInputException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import jakarta.inject.Singleton;
import com.nija.shared.config.Secret;
import com.nija.shared.config.SecretResolver;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks {@code Stripe-Signature} over the raw body with stripe-java ({@code t=…,v1=HMAC-SHA256(secret, "t.body")},
 * within the configured tolerance, against our clock) and only then reads the event. Neither the secret nor the
 * header is ever logged.
 */
@Singleton
public class StripeWebhookVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhookVerifier.class);
    private static final String SECRET_ARN = "NIJA_STRIPE_WEBHOOK_SECRET_ARN";

    private final BillingConfig config;
    private final Clock clock;
    private final Secret secret;

    /** Reads no secret: the signing secret is read when the first webhook arrives. */
    public StripeWebhookVerifier(BillingConfig config, Clock clock, SecretResolver secrets) {
        this.config = config;
        this.clock = clock;
        this.secret = secrets.secret(config.getStripeWebhookSecret(), SECRET_ARN);
        if (!secret.isSet()) {
            LOG.warn("No Stripe webhook signing secret is configured (NIJA_STRIPE_WEBHOOK_SECRET, or {} in AWS): "
                    + "every Stripe webhook will be answered 503 until it is set", SECRET_ARN);
        }
    }

    /**
     * A signature that does not verify against the cached secret is checked once more against a fresh read of it: the
     * secret may have been rotated ({@code put-secret-value}) since this function read it.
     *
     * @throws StripeSignatureException missing, malformed, wrong or stale signature
     * @throws StripeWebhookNotConfiguredException a signed request, and no signing secret is configured to check it
     * @throws InvalidInputException    a correctly signed body that is not a Stripe event
     */
    public StripeEvent verify(String payload, Optional<String> signatureHeader) {
        String header = signatureHeader.map(String::trim).filter(h -> !h.isEmpty())
                .orElseThrow(() -> new StripeSignatureException("the Stripe-Signature header is missing"));
        if (secret.value() == null) {
            // One line per refused webhook, without a stack trace: with SnapStart the startup warning is logged
            // only when the version is published, so this is what the logs show next to each 503.
            LOG.error("Stripe webhook answered 503: no signing secret is configured");
            throw new StripeWebhookNotConfiguredException();
        }
        try {
            secret.use(SignatureVerificationException.class, value ->
                    Webhook.constructEvent(payload, header, value, config.getSignatureToleranceSeconds(), clock));
        } catch (SignatureVerificationException e) {
            throw new StripeSignatureException("Stripe-Signature does not verify: " + e.getMessage());
        } catch (RuntimeException unreadable) {
            // stripe-java verifies first, then parses: a signed body that is not JSON lands here.
            throw InvalidInputException.of("body", "is not a Stripe event");
        }
        return read(payload);
    }

    static StripeEvent read(String payload) {
        JsonNode root = Json.readTree(payload)
                .orElseThrow(() -> InvalidInputException.of("body", "is not a Stripe event"));
        JsonNode object = root.path("data").get("object");
        String id = StripeJson.text(root, "id");
        String type = StripeJson.text(root, "type");
        Instant created = StripeJson.time(root, "created");
        if (id == null || type == null || created == null || object == null || !object.isObject()) {
            throw InvalidInputException.of("body", "is not a Stripe event: id, type, created and data.object are required");
        }
        return new StripeEvent(id, type, created, StripeJson.flag(root, "livemode"),
                StripeJson.text(root, "api_version"), object, root.path("data").get("previous_attributes"));
    }
}
