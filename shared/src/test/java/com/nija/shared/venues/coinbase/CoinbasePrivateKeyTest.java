package com.nija.shared.venues.coinbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.broker.BrokerException;
import java.security.interfaces.ECPrivateKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the private key of a CDP API key in the forms traders paste it. */
class CoinbasePrivateKeyTest {
    private static final CoinbaseTestKeys KEYS = CoinbaseTestKeys.generate("organizations/o/apiKeys/k");
    private static final ECPrivateKey EXPECTED = (ECPrivateKey) KEYS.pair().getPrivate();
    /** DER of OID 1.3.132.0.10, secp256k1: a curve ES256 does not sign with. */
    private static final byte[] SECP256K1 = {0x06, 0x05, 0x2B, (byte) 0x81, 0x04, 0x00, 0x0A};

    @Test
    @DisplayName("the SEC1 PEM Coinbase issues is read as the key it holds")
    void sec1() {
        assertThat(KEYS.sec1Pem()).contains("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE");

        assertThat(CoinbasePrivateKey.parse(KEYS.sec1Pem()).getS()).isEqualTo(EXPECTED.getS());
    }

    @Test
    @DisplayName("line breaks pasted as the two characters \\n (Coinbase's JSON key file) are read as line breaks")
    void escapedLineBreaks() {
        String pasted = KEYS.sec1Pem().replace("\n", "\\n");

        assertThat(CoinbasePrivateKey.parse(pasted).getS()).isEqualTo(EXPECTED.getS());
    }

    @Test
    @DisplayName("a key converted to PKCS#8 (-----BEGIN PRIVATE KEY-----) is read too")
    void pkcs8() {
        assertThat(CoinbasePrivateKey.parse(KEYS.pkcs8Pem()).getS()).isEqualTo(EXPECTED.getS());
    }

    @Test
    @DisplayName("a SEC1 key on another curve is refused: ES256 signs with P-256")
    void otherCurve() {
        String pem = CoinbaseTestKeys.pem("EC PRIVATE KEY", CoinbaseTestKeys.sec1(KEYS.pair(), SECP256K1));

        assertThatThrownBy(() -> CoinbasePrivateKey.parse(pem)).isInstanceOf(CoinbasePrivateKey.Invalid.class);
    }

    @Test
    @DisplayName("a P-384 key in PKCS#8 is refused")
    void otherCurvePkcs8() {
        String pem = CoinbaseTestKeys.pem("PRIVATE KEY", CoinbaseTestKeys.pair("secp384r1").getPrivate().getEncoded());

        assertThatThrownBy(() -> CoinbasePrivateKey.parse(pem)).isInstanceOf(CoinbasePrivateKey.Invalid.class);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "",
        "hunter2-SECRET",
        "-----BEGIN EC PRIVATE KEY-----\n-----END EC PRIVATE KEY-----",
        "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBSECRET\n-----END EC PRIVATE KEY-----",
        "-----BEGIN EC PRIVATE KEY-----\nMAMCAQE=\n-----END EC PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\nU0VDUkVU\n-----END PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----\nU0VDUkVU\n-----END RSA PRIVATE KEY-----"})
    @DisplayName("anything else is REJECTED as an invalid private key, never repeating it")
    void invalid(String pasted) {
        assertThatThrownBy(() -> CoinbasePrivateKey.parse(pasted))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).startsWith("invalid private key").doesNotContain("SECRET", "U0VD");
                });
    }

    @Test
    @DisplayName("a truncated key is refused")
    void truncated() {
        String pem = KEYS.sec1Pem();
        String cut = pem.substring(0, pem.indexOf("\n", 40)) + "\n-----END EC PRIVATE KEY-----\n";

        assertThatThrownBy(() -> CoinbasePrivateKey.parse(cut)).isInstanceOf(CoinbasePrivateKey.Invalid.class);
    }
}
