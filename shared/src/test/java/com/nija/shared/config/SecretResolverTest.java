package com.nija.shared.config;

import com.nija.shared.testing.HandMovedClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SignatureException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Secrets are read on first use, cached for the TTL by the domain clock, and re-read once after a failed check. */
class SecretResolverTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:nija/dev/stripe-AbCdEf";
    private static final Duration TTL = Duration.ofMinutes(5);

    private final HandMovedClock clock = new HandMovedClock(PlatformClock.system().instant());
    private final InMemorySecretSource source = new InMemorySecretSource().put(ARN, "whsec_before");
    private final SecretResolver resolver = new SecretResolver(source, clock, TTL, Map.of("X_SECRET_ARN", ARN)::get);
    private final Secret secret = resolver.secret(null, "X_SECRET_ARN");

    @Test
    @DisplayName("a configured secret is used as is, without asking the secret store")
    void configuredValueWins() {
        assertThat(resolver.resolve("local-value-123", "X_SECRET_ARN")).isEqualTo("local-value-123");
        assertThat(source.reads()).isZero();
    }

    @Test
    @DisplayName("with neither a value nor an ARN there is no secret, so the caller can refuse clearly")
    void nothingConfigured() {
        assertThat(resolver.resolve("  ", "OTHER_SECRET_ARN")).isNull();
        assertThat(resolver.isSet(null, "OTHER_SECRET_ARN")).isFalse();
        assertThat(resolver.isSet(null, "X_SECRET_ARN")).isTrue();
        assertThat(source.reads()).isZero();
    }

    @Test
    @DisplayName("the secret is read when first used, not when it is looked up, and then served from the cache")
    void readOnFirstUse() {
        assertThat(source.reads()).as("reads before first use").isZero();

        assertThat(secret.value()).isEqualTo("whsec_before");
        assertThat(secret.value()).isEqualTo("whsec_before");
        assertThat(source.reads()).isEqualTo(1);
    }

    @Test
    @DisplayName("a rotated secret is used once the cached value is older than the TTL, and not before")
    void rotationAfterTtl() {
        secret.value();
        source.put(ARN, "whsec_after");

        clock.advance(TTL.minusSeconds(1));
        assertThat(secret.value()).isEqualTo("whsec_before");

        clock.advance(Duration.ofSeconds(1));
        assertThat(secret.value()).isEqualTo("whsec_after");
    }

    @Test
    @DisplayName("a check that fails against the cached value succeeds at once when the secret was rotated since")
    void rotationAfterFailedCheck() throws SignatureException {
        secret.value();
        source.put(ARN, "whsec_after");

        String accepted = secret.use(SignatureException.class, value -> signedWith("whsec_after", value));

        assertThat(accepted).isEqualTo("whsec_after");
        assertThat(secret.value()).as("the new value is cached").isEqualTo("whsec_after");
    }

    @Test
    @DisplayName("failed checks re-read the secret at most once a second, so forged signatures cannot flood the store")
    void rereadsAreSpaced() {
        secret.value();
        int readsBefore = source.reads();

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> secret.use(SignatureException.class, value -> signedWith("forged", value)))
                    .isInstanceOf(SignatureException.class);
        }
        assertThat(source.reads() - readsBefore).as("re-reads within one second").isEqualTo(1);

        clock.advance(SecretResolver.REREAD_SPACING);
        assertThatThrownBy(() -> secret.use(SignatureException.class, value -> signedWith("forged", value)))
                .isInstanceOf(SignatureException.class);
        assertThat(source.reads() - readsBefore).as("re-reads a second later").isEqualTo(2);
    }

    @Test
    @DisplayName("a failure other than a mismatch is not retried and reads nothing more")
    void otherFailuresNotRetried() {
        secret.value();

        assertThatThrownBy(() -> secret.use(SignatureException.class, value -> {
            throw new IllegalArgumentException("not JSON");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(source.reads()).isEqualTo(1);
    }

    @Test
    @DisplayName("when the store cannot be read after the TTL, the last value is kept; with none read, the failure shows")
    void keepsLastValueWhenStoreFails() {
        secret.value();
        source.unreachable(true);
        clock.advance(TTL);

        assertThat(secret.value()).isEqualTo("whsec_before");
        SecretResolver nothingRead = new SecretResolver(source, clock, TTL, Map.of("X_SECRET_ARN", ARN)::get);
        assertThatThrownBy(() -> nothingRead.resolve(null, "X_SECRET_ARN")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("before the SnapStart checkpoint every value read so far is forgotten, so none is in the snapshot")
    void forgetsValuesBeforeCheckpoint() {
        secret.value();
        source.put(ARN, "whsec_after");

        resolver.beforeCheckpoint(null);

        assertThat(secret.value()).isEqualTo("whsec_after");
    }

    /** Returns {@code value} when it is the secret the signature was made with. */
    private static String signedWith(String signer, String value) throws SignatureException {
        if (!signer.equals(value)) throw new SignatureException("signature does not verify");
        return value;
    }
}
