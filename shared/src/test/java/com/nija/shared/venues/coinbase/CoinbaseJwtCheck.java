package com.nija.shared.venues.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a Coinbase request's {@code Authorization: Bearer <jwt>} the way Coinbase documents it ("API key
 * authentication" of the Advanced Trade API), written from the docs with the JDK alone — not with the client's signer
 * nor nimbus: the ES256 signature over {@code header.payload} (raw r‖s, {@code SHA256withECDSAinP1363Format}) with the
 * key's public key; header {@code alg ES256}, {@code typ JWT}, {@code kid} = key name, a hex {@code nonce}; claims
 * {@code iss cdp}, {@code sub} = key name, {@code nbf} ≤ now &lt; {@code exp} = {@code nbf} + 120, and
 * {@code uri} = the request's method, host and path.
 */
final class CoinbaseJwtCheck {
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final String keyName;
    private final ECPublicKey publicKey;
    private final Clock clock;

    CoinbaseJwtCheck(String keyName, ECPublicKey publicKey, Clock clock) {
        this.keyName = keyName;
        this.publicKey = publicKey;
        this.clock = clock;
    }

    /** What is wrong with {@code authorization} for a {@code method} request to {@code host}{@code path}; empty when nothing. */
    Optional<String> problem(String authorization, String method, String host, String path) {
        if (authorization == null || !authorization.startsWith("Bearer ")) return Optional.of("no bearer token");
        String[] parts = authorization.substring("Bearer ".length()).split("\\.", -1);
        if (parts.length != 3) return Optional.of("not a compact JWS");
        try {
            if (!signatureValid(parts)) return Optional.of("bad signature");
            JsonNode header = decode(parts[0]);
            JsonNode claims = decode(parts[1]);
            long now = clock.instant().getEpochSecond();
            long nbf = claims.path("nbf").asLong(-1);
            if (!header.path("alg").asText().equals("ES256")) return Optional.of("alg");
            if (!header.path("typ").asText().equals("JWT")) return Optional.of("typ");
            if (!header.path("kid").asText().equals(keyName)) return Optional.of("kid");
            if (!header.path("nonce").asText().matches("[0-9a-f]{32,}")) return Optional.of("nonce");
            if (!claims.path("iss").asText().equals("cdp")) return Optional.of("iss");
            if (!claims.path("sub").asText().equals(keyName)) return Optional.of("sub");
            if (nbf > now + 1 || nbf < now - 5) return Optional.of("nbf");
            if (claims.path("exp").asLong() != nbf + 120 || now >= claims.path("exp").asLong()) return Optional.of("exp");
            if (!claims.path("uri").asText().equals(method + " " + host + path)) return Optional.of("uri");
            return Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.of("unreadable: " + e.getClass().getSimpleName());
        }
    }

    static JsonNode header(String authorization) {
        return decode(authorization.substring("Bearer ".length()).split("\\.")[0]);
    }

    static JsonNode claims(String authorization) {
        return decode(authorization.substring("Bearer ".length()).split("\\.")[1]);
    }

    private boolean signatureValid(String[] parts) throws GeneralSecurityException {
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(publicKey);
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        byte[] signature = BASE64URL.decode(parts[2]);
        return signature.length == 64 && es256.verify(signature);
    }

    private static JsonNode decode(String part) {
        return Json.readTree(new String(BASE64URL.decode(part), StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalArgumentException("not JSON"));
    }
}
