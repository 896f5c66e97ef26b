package com.nija.functions.priming;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TestSecretsFactory;
import com.nija.shared.config.InMemorySecretSource;
import com.nija.shared.trading.CursorCodec;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Whatever init and priming read ends up in the SnapStart snapshot, so no secret may be read before a request. */
class PrimingReadsNoSecretTest {
    private static final String CURSOR_ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:nija/dev/cursor-key-AbCdEf";
    private static final String STRIPE_ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:nija/dev/stripe-webhook-AbCdEf";
    private static final String STRIPE_API_ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:nija/dev/stripe-api-key-AbCdEf";

    @Test
    @DisplayName("starting the context, building every handler and priming them reads no secret; the first cursor does")
    void noSecretBeforeFirstRequest() {
        InMemorySecretSource store = new InMemorySecretSource()
                .put(CURSOR_ARN, "cursor-secret-from-secrets-manager")
                .put(STRIPE_ARN, "whsec_fromSecretsManager")
                .put(STRIPE_API_ARN, "sk_test_fromSecretsManager");
        Map.Entry<String, Object> secrets = TestSecretsFactory.use(store, Map.of(
                "NIJA_CURSOR_SECRET_ARN", CURSOR_ARN, "NIJA_STRIPE_WEBHOOK_SECRET_ARN", STRIPE_ARN,
                "NIJA_STRIPE_API_KEY_ARN", STRIPE_API_ARN));
        try (ApplicationContext context = LocalBackends.get().newContext(Map.of(
                secrets.getKey(), secrets.getValue(), "nija.cursor-secret", ""))) {
            EveryHandler.createOn(context);
            context.getBean(Priming.class).prime();

            assertThat(store.reads()).as("secrets read by init and priming").isZero();

            context.getBean(CursorCodec.class).encode("trader-1", "trades:*", "TRADE#1");
            assertThat(store.reads()).as("secrets read by the first cursor").isEqualTo(1);
        }
    }
}
