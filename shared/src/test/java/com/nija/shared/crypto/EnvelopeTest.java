package com.nija.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/** Envelope encryption: what seals opens, and nothing else does. */
class EnvelopeTest {
    private static final Map<String, String> SOURCE_A = Map.of("source", "tv-alerts", "kind", "SIGNALS");

    @TempDir Path home;

    private Envelope envelope() {
        return new Envelope(new LocalDataKeys(home.resolve(LocalDataKeys.FILE)));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "s", "a-secret-of-43-characters-abcdefghijklmnopq", "ünïcødé ✓ 秘密"})
    @DisplayName("a sealed value opens to itself with the same associated data")
    void roundTrip(String secret) {
        Envelope envelope = envelope();

        String sealed = envelope.sealText(secret, SOURCE_A);

        assertThat(envelope.openText(sealed, SOURCE_A)).isEqualTo(secret);
        if (secret.length() > 8) assertThat(sealed).doesNotContain(secret); // a short one may occur in base64 by chance
    }

    @Test
    @DisplayName("sealing the same value twice gives different ciphertexts (a fresh data key and nonce each time)")
    void freshEachTime() {
        Envelope envelope = envelope();

        assertThat(envelope.sealText("same", SOURCE_A)).isNotEqualTo(envelope.sealText("same", SOURCE_A));
    }

    @Test
    @DisplayName("the order in which the associated data is given does not matter")
    void associatedDataOrder() {
        Envelope envelope = envelope();
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("kind", "SIGNALS");
        forward.put("source", "tv-alerts");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("source", "tv-alerts");
        backward.put("kind", "SIGNALS");

        assertThat(envelope.openText(envelope.sealText("v", forward), backward)).isEqualTo("v");
    }

    static List<Map<String, String>> otherAssociatedData() {
        return List.of(Map.of("source", "tv-alertz", "kind", "SIGNALS"), Map.of("source", "tv-alerts", "kind", "PRICES"),
                Map.of("source", "tv-alerts"), Map.of("source", "tv-alerts", "kind", "SIGNALS", "purpose", "broker"),
                // length-prefixed: moving a character from a name to its value is other associated data
                Map.of("sourc", "etv-alerts", "kind", "SIGNALS"), Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherAssociatedData")
    @DisplayName("a sealed value does not open with other associated data (another source, kind, or extra entry)")
    void wrongAssociatedData(Map<String, String> other) {
        Envelope envelope = envelope();
        String sealed = envelope.sealText("secret", SOURCE_A);

        assertThatThrownBy(() -> envelope.open(sealed, other)).isInstanceOf(EnvelopeOpenException.class)
                .hasMessageNotContaining("secret");
    }

    static List<Arguments> tamperings() {
        List<Arguments> cases = new ArrayList<>();
        String[] parts = {"wrapped data key", "nonce", "ciphertext"};
        for (int part = 1; part <= 3; part++) cases.add(Arguments.of(parts[part - 1], part));
        return cases;
    }

    @ParameterizedTest(name = "a flipped bit in the {0}")
    @MethodSource("tamperings")
    @DisplayName("a sealed value with any bit flipped does not open")
    void tampered(String what, int part) {
        Envelope envelope = envelope();
        String[] sealed = envelope.sealText("secret", SOURCE_A).split(":");
        byte[] bytes = Base64.getDecoder().decode(sealed[part]);
        bytes[bytes.length - 1] ^= 1;
        sealed[part] = Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> envelope.open(String.join(":", sealed), SOURCE_A))
                .isInstanceOf(EnvelopeOpenException.class);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "plain-text-secret", "v1:", "v1:a:b:c", "v2:AAAA:AAAAAAAAAAAAAAAA:AAAA", "v1:!!:??:**"})
    @DisplayName("something that is not a sealed value is refused, never opened or crashed on")
    void notSealed(String value) {
        assertThatThrownBy(() -> envelope().open(value, SOURCE_A)).isInstanceOf(EnvelopeOpenException.class);
    }

    @Test
    @DisplayName("a value sealed under another machine's local key does not open here")
    void otherKey(@TempDir Path elsewhere) {
        String sealed = new Envelope(new LocalDataKeys(elsewhere.resolve(LocalDataKeys.FILE))).sealText("v", SOURCE_A);

        assertThatThrownBy(() -> envelope().open(sealed, SOURCE_A)).isInstanceOf(EnvelopeOpenException.class);
    }

    @Test
    @DisplayName("the local key is kept in its file: a value sealed by one JVM's provider opens with a new one")
    void localKeyPersists() {
        String sealed = envelope().sealText("v", SOURCE_A);

        assertThat(envelope().openText(sealed, SOURCE_A)).isEqualTo("v");
    }

    @Test
    @DisplayName("with KMS, the data key is asked of the configured key with the associated data as encryption context")
    void kmsAdapter() {
        FakeKms kms = new FakeKms();
        Envelope envelope = new Envelope(new KmsDataKeys(kms, "arn:aws:kms:us-east-1:123456789012:key/mrk-1"));

        String sealed = envelope.sealText("secret", SOURCE_A);

        assertThat(envelope.openText(sealed, SOURCE_A)).isEqualTo("secret");
        assertThat(kms.generated.keyId()).isEqualTo("arn:aws:kms:us-east-1:123456789012:key/mrk-1");
        assertThat(kms.generated.encryptionContext()).isEqualTo(SOURCE_A);
        assertThat(kms.decrypted.keyId()).isEqualTo("arn:aws:kms:us-east-1:123456789012:key/mrk-1");
        assertThatThrownBy(() -> envelope.open(sealed, Map.of("source", "other", "kind", "SIGNALS")))
                .isInstanceOf(EnvelopeOpenException.class);
    }

    /** KMS as far as the adapter uses it: a data key bound to its encryption context, refused under any other. */
    private final class FakeKms implements KmsClient {
        private final LocalDataKeys keys = new LocalDataKeys(home.resolve("fake-kms-key"));
        GenerateDataKeyRequest generated;
        DecryptRequest decrypted;

        @Override
        public GenerateDataKeyResponse generateDataKey(GenerateDataKeyRequest request) {
            generated = request;
            DataKeyProvider.DataKey key = keys.newDataKey(request.encryptionContext());
            return GenerateDataKeyResponse.builder().keyId(request.keyId()).plaintext(SdkBytes.fromByteArray(key.plain()))
                    .ciphertextBlob(SdkBytes.fromByteArray(key.wrapped())).build();
        }

        @Override
        public DecryptResponse decrypt(DecryptRequest request) {
            decrypted = request;
            try {
                byte[] plain = keys.unwrap(request.ciphertextBlob().asByteArray(), request.encryptionContext());
                return DecryptResponse.builder().keyId(request.keyId()).plaintext(SdkBytes.fromByteArray(plain)).build();
            } catch (EnvelopeOpenException e) {
                throw InvalidCiphertextException.builder().message("invalid ciphertext").build();
            }
        }

        @Override
        public String serviceName() {
            return "kms";
        }

        @Override
        public void close() {}
    }

    @Test
    @DisplayName("the associated data encoding tells names from values")
    void canonicalIsUnambiguous() {
        assertThat(Envelope.canonical(Map.of("ab", "c"))).isNotEqualTo(Envelope.canonical(Map.of("a", "bc")));
        assertThat(new String(Envelope.canonical(Map.of("k", "v")), StandardCharsets.UTF_8)).contains("k").contains("v");
    }
}
