package com.nija.shared.venues.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The JWT {@link CoinbaseSigner} makes, read back with the JDK alone ({@link CoinbaseJwtCheck}). Coinbase's
 * "API key authentication" page gives the token's parts and code samples but no worked example with a fixed output
 * (ES256 signatures are randomised), so the known answer reproduced here is its {@code uri} format — the example
 * {@code "GET api.coinbase.com/api/v3/brokerage/accounts"} — and every header field and claim it lists.
 */
class CoinbaseSignerTest {
    private static final Instant NOW = Instant.parse("2031-06-16T12:00:00.750Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final CoinbaseTestKeys KEYS = CoinbaseTestKeys.generate(
            "organizations/8c2b6f04-0d1e-4f5a-9b7c-2e3d4f5a6b7c/apiKeys/1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718");
    private static final URI ACCOUNTS = URI.create("https://api.coinbase.com/api/v3/brokerage/accounts?limit=250");

    private final CoinbaseSigner signer = new CoinbaseSigner(CLOCK);
    private final ECPrivateKey key = CoinbasePrivateKey.parse(KEYS.sec1Pem());

    @Test
    @DisplayName("the header and claims are the ones Coinbase documents, uri without scheme or query")
    void documentedToken() {
        String authorization = signer.authorization(KEYS.keyName(), key, "GET", ACCOUNTS);

        JsonNode header = CoinbaseJwtCheck.header(authorization);
        JsonNode claims = CoinbaseJwtCheck.claims(authorization);
        assertThat(authorization).startsWith("Bearer ");
        assertThat(header.path("alg").asText()).isEqualTo("ES256");
        assertThat(header.path("typ").asText()).isEqualTo("JWT");
        assertThat(header.path("kid").asText()).isEqualTo(KEYS.keyName());
        assertThat(header.path("nonce").asText()).matches("[0-9a-f]{64}");
        assertThat(names(claims)).containsExactlyInAnyOrder("iss", "sub", "nbf", "exp", "uri");
        assertThat(claims.path("iss").asText()).isEqualTo("cdp");
        assertThat(claims.path("sub").asText()).isEqualTo(KEYS.keyName());
        assertThat(claims.path("nbf").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.path("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 120);
        assertThat(claims.path("uri").asText()).isEqualTo("GET api.coinbase.com/api/v3/brokerage/accounts");
    }

    @Test
    @DisplayName("the signature verifies with the key's public key for that method and path only")
    void signatureVerifies() {
        CoinbaseJwtCheck check = new CoinbaseJwtCheck(KEYS.keyName(), KEYS.publicKey(), CLOCK);
        String authorization = signer.authorization(KEYS.keyName(), key, "POST",
                URI.create("https://api.coinbase.com/api/v3/brokerage/orders"));

        assertThat(check.problem(authorization, "POST", "api.coinbase.com", "/api/v3/brokerage/orders")).isEmpty();
        assertThat(check.problem(authorization, "GET", "api.coinbase.com", "/api/v3/brokerage/orders")).contains("uri");
        assertThat(check.problem(authorization, "POST", "api.coinbase.com", "/api/v3/brokerage/orders/batch_cancel"))
                .contains("uri");
        CoinbaseJwtCheck otherKey = new CoinbaseJwtCheck(KEYS.keyName(),
                CoinbaseTestKeys.generate(KEYS.keyName()).publicKey(), CLOCK);
        assertThat(otherKey.problem(authorization, "POST", "api.coinbase.com", "/api/v3/brokerage/orders"))
                .contains("bad signature");
    }

    @Test
    @DisplayName("two requests get two tokens with different nonces")
    void freshNonce() {
        String first = signer.authorization(KEYS.keyName(), key, "GET", ACCOUNTS);
        String second = signer.authorization(KEYS.keyName(), key, "GET", ACCOUNTS);

        assertThat(first).isNotEqualTo(second);
        assertThat(CoinbaseJwtCheck.header(first).path("nonce").asText())
                .isNotEqualTo(CoinbaseJwtCheck.header(second).path("nonce").asText());
    }

    @Test
    @DisplayName("a port in the base URL (a proxy, the test stub) is part of the uri's host")
    void hostWithPort() {
        String authorization = signer.authorization(KEYS.keyName(), key, "GET",
                URI.create("http://localhost:8089/api/v3/brokerage/key_permissions"));

        assertThat(CoinbaseJwtCheck.claims(authorization).path("uri").asText())
                .isEqualTo("GET localhost:8089/api/v3/brokerage/key_permissions");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
