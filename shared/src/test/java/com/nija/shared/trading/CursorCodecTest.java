package com.nija.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nija.shared.config.InMemorySecretSource;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.config.SecretResolver;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Pagination cursors that can't be forged, edited or replayed")
class CursorCodecTest {
    private static final String SECRET = "0123456789abcdef-test-secret";
    private static final String USER = "user-1";
    private static final String SCOPE = "trades:*";
    private static final String POSITION = "TRADE#1795000000000#t-42";

    private final CursorCodec codec = new CursorCodec(SECRET);

    @Test
    @DisplayName("a cursor leads back to the position it was issued for")
    void roundTrip() {
        String cursor = codec.encode(USER, SCOPE, POSITION);

        assertThat(codec.decode(USER, SCOPE, cursor)).isEqualTo(POSITION);
    }

    @Test
    @DisplayName("a cursor is URL-safe: no characters that need escaping in a query string")
    void urlSafe() {
        String cursor = codec.encode(USER, SCOPE, "TRADE#ü?&=/+#ünïcödé");

        assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    @DisplayName("another trader's cursor is refused")
    void otherUserRefused() {
        String cursor = codec.encode(USER, SCOPE, POSITION);

        assertRefused(() -> codec.decode("user-2", SCOPE, cursor));
    }

    @Test
    @DisplayName("a cursor from one filter is refused on another (trades of BTC-USD vs all trades)")
    void otherScopeRefused() {
        String cursor = codec.encode(USER, "trades:BTC-USD", POSITION);

        assertRefused(() -> codec.decode(USER, SCOPE, cursor));
    }

    @Test
    @DisplayName("a cursor issued with another secret (another deployment) is refused")
    void otherSecretRefused() {
        String cursor = new CursorCodec("another-secret-of-enough-length").encode(USER, SCOPE, POSITION);

        assertRefused(() -> codec.decode(USER, SCOPE, cursor));
    }

    @Test
    @DisplayName("a forged cursor pointing at another position with the original signature is refused")
    void forgedPositionRefused() {
        String cursor = codec.encode(USER, SCOPE, POSITION);
        String signature = cursor.substring(cursor.indexOf('.') + 1);
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("TRADE#0000000000000#t-1".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertRefused(() -> codec.decode(USER, SCOPE, forgedPayload + "." + signature));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", ".", "abc", "abc.", ".abc", "!!!.###", "a.b.c", "%%%%", "eyJwIjoxfQ==",
            "VFJBREUjMQ.AAAAAAAAAAAAAAAAAAAAAA", "VFJBREUjMQ.A"})
    @DisplayName("garbage and text that isn't base64 are refused the same way as a bad signature")
    void garbageRefused(String cursor) {
        assertRefused(() -> codec.decode(USER, SCOPE, cursor));
    }

    @Test
    @DisplayName("a refused cursor is bad input (HTTP 400) on the cursor parameter, saying to start again")
    void refusalNamesTheCursor() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> codec.decode(USER, SCOPE, "nonsense"));

        assertThat(e).isNotNull();
        assertThat(e.wellFormed()).isFalse();
        assertThat(e.violations()).containsExactly(
                new Violation("cursor", "is not a cursor this listing issued; start again without it"));
    }

    @ParameterizedTest(name = "a secret of {0} characters is refused")
    @ValueSource(ints = {0, 1, 8, 15})
    @DisplayName("a secret shorter than 16 characters is refused when the codec is built")
    void shortSecretRefused(int length) {
        String secret = "s".repeat(length);

        assertThatThrownBy(() -> new CursorCodec(secret))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 16 characters");
    }

    @Test
    @DisplayName("a missing secret is refused when the codec is built, and 16 characters are enough")
    void missingSecretRefused() {
        assertThatThrownBy(() -> new CursorCodec((String) null)).isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> new CursorCodec("s".repeat(16))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("after the secret is rotated, a cursor another function signed with the new secret is accepted at once; nothing is read until the first cursor")
    void rotatedSecret() {
        String arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:nija/dev/cursor-key-AbCdEf";
        InMemorySecretSource store = new InMemorySecretSource().put(arn, SECRET);
        SecretResolver resolver = new SecretResolver(store, PlatformClock.system(), Duration.ofMinutes(5),
                Map.of("NIJA_CURSOR_SECRET_ARN", arn)::get);
        CursorCodec warm = new CursorCodec(resolver.secret(null, "NIJA_CURSOR_SECRET_ARN"));
        assertThat(store.reads()).as("reads while the codec is built").isZero();
        String before = warm.encode(USER, SCOPE, POSITION);

        store.put(arn, "0123456789abcdef-rotated-secret");
        String signedWithNew = new CursorCodec("0123456789abcdef-rotated-secret").encode(USER, SCOPE, POSITION);

        assertThat(warm.decode(USER, SCOPE, signedWithNew)).isEqualTo(POSITION);
        assertThat(warm.encode(USER, SCOPE, POSITION)).isEqualTo(signedWithNew);
        assertRefused(() -> warm.decode(USER, SCOPE, before));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable decode) {
        assertThatThrownBy(decode)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("cursor"));
    }
}
