package com.nija.shared.venues.coinbase;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

/**
 * Coinbase's request authentication for CDP API keys (Advanced Trade, "API key authentication"): a fresh ES256 JWT
 * per request, sent as {@code Authorization: Bearer <jwt>}. Header: {@code alg ES256}, {@code kid} = key name,
 * {@code nonce} = random hex, {@code typ JWT}; claims: {@code iss "cdp"}, {@code sub} = key name, {@code nbf} = now,
 * {@code exp} = {@code nbf} + 120 s, {@code uri} = {@code "<METHOD> <host><path>"} (no scheme, no query). Public so
 * the broker benchmark can time one signature on its own.
 */
public final class CoinbaseSigner {
    static final Duration LIFETIME = Duration.ofSeconds(120);
    private static final HexFormat HEX = HexFormat.of();

    private final Clock clock;

    public CoinbaseSigner(Clock clock) {
        this.clock = clock;
    }

    /** The {@code Authorization} header value for one {@code method} request to {@code uri}. */
    public String authorization(String keyName, ECPrivateKey key, String method, URI uri) {
        // A SecureRandom made per request seeds itself from the OS: no two functions restored from one SnapStart
        // snapshot share its state, so neither nonces nor ECDSA's per-signature secret repeat across them.
        SecureRandom random = new SecureRandom();
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyName).type(JOSEObjectType.JWT)
                .customParam("nonce", HEX.formatHex(nonce)).build();
        Instant notBefore = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("cdp").subject(keyName)
                .notBeforeTime(Date.from(notBefore)).expirationTime(Date.from(notBefore.plus(LIFETIME)))
                .claim("uri", uriClaim(method, uri)).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            ECDSASigner signer = new ECDSASigner(key);
            signer.getJCAContext().setSecureRandom(random);
            jwt.sign(signer);
        } catch (JOSEException notP256) {
            throw new CoinbasePrivateKey.Invalid();
        }
        return "Bearer " + jwt.serialize();
    }

    /** {@code "GET api.coinbase.com/api/v3/brokerage/accounts"}: method, host (and port, if any) and path. */
    static String uriClaim(String method, URI uri) {
        return method + " " + uri.getRawAuthority() + uri.getRawPath();
    }
}
