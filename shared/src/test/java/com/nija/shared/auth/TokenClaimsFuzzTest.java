package com.nija.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Fuzzes the claims of a correctly signed JWT (the payload is the input, signed by the pool's key), as the WebSocket
 * authorizer verifies it: every token is either an identity naming a trader or a {@link TokenRejectedException},
 * never another exception.
 */
class TokenClaimsFuzzTest {
    private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Fuzz";
    private static final RSAKey KEY = generate();
    private static final TokenVerifier VERIFIER = new TokenVerifier(
            new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())), ISSUER, "app-client-1", Duration.ofSeconds(60),
            Clock.fixed(Instant.parse("2026-11-27T10:15:30Z"), ZoneOffset.UTC));

    @FuzzTest
    void claims(byte[] input) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                new Payload(new String(input, StandardCharsets.UTF_8)));
        jws.sign(new RSASSASigner(KEY));

        try {
            VerifiedIdentity identity = VERIFIER.verify(jws.serialize());
            assertThat(identity.subject()).isNotBlank();
            assertThat(identity.expiresAt()).isNotNull();
        } catch (TokenRejectedException rejected) {
            // a refusal is the other allowed outcome
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("pool-fuzz").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
