package com.nija.functions.billing;

import static com.nija.functions.support.ApiResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.MutableClock;
import com.nija.functions.support.TestSecretsFactory;
import com.nija.shared.config.InMemorySecretSource;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.config.PlatformClock;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Stripe signing secret in AWS comes from Secrets Manager; after the README's {@code put-secret-value} a warm
 * function must take the new secret without a redeploy. Here the secret store is an in-memory one the test rotates.
 */
class StripeSecretRotationTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:nija/dev/stripe-webhook-AbCdEf";
    private static final String OLD = "whsec_placeholderFromTheFirstDeploy";
    private static final String NEW = "whsec_realSecretFromTheStripeDashboard";
    private static final AtomicInteger EVENTS = new AtomicInteger();

    private final InMemorySecretSource store = new InMemorySecretSource().put(ARN, OLD);
    private final MutableClock clock = new MutableClock(PlatformClock.system().instant());
    private ApplicationContext context;
    private StripeWebhookHandler webhook;

    @BeforeEach
    void warmFunction() {
        Map.Entry<String, Object> secrets = TestSecretsFactory.use(store, Map.of("NIJA_STRIPE_WEBHOOK_SECRET_ARN", ARN));
        context = LocalBackends.get().newContext(Map.of(secrets.getKey(), secrets.getValue()), clock);
        webhook = new StripeWebhookHandler(context);
        ok(send(OLD)); // the function is warm and has read the secret
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** A new event Stripe signs with {@code secret} now; billing ignores its type, so only the signature decides. */
    private APIGatewayV2HTTPResponse send(String secret) {
        long now = clock.instant().getEpochSecond();
        String body = "{\"id\":\"evt_rotation_" + EVENTS.incrementAndGet() + "_" + now + "\",\"object\":\"event\","
                + "\"type\":\"customer.discount.created\",\"created\":" + now + ",\"livemode\":false,"
                + "\"data\":{\"object\":{\"id\":\"di_1\",\"object\":\"discount\"}}}";
        return webhook.handleRequest(StripeFixture.request(body, StripeSigning.header(body, secret, now)), null);
    }

    @Test
    @DisplayName("after put-secret-value, the first webhook signed with the new secret is accepted at once, and the old secret is refused from then on")
    void newSecretAcceptedAtOnce() {
        store.put(ARN, NEW);

        assertThat(send(NEW).getStatusCode()).isEqualTo(200);
        assertThat(send(OLD).getStatusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("without a failed webhook the warm function keeps the secret it read until the TTL, then reads the new one")
    void rotationAfterTtl() {
        Duration ttl = context.getBean(NijaConfig.class).getSecretTtl();
        store.put(ARN, NEW);

        clock.advance(ttl.minusSeconds(1));
        assertThat(send(OLD).getStatusCode()).as("old secret just inside the TTL").isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        assertThat(send(OLD).getStatusCode()).as("old secret once the TTL has passed").isEqualTo(400);
        assertThat(send(NEW).getStatusCode()).isEqualTo(200);
    }
}
