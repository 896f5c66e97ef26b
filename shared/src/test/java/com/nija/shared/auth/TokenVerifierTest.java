package com.nija.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The checks a trader's token must pass before a WebSocket connection is accepted, as Cognito tokens look. */
class TokenVerifierTest {
    static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Test";
    static final String CLIENT = "app-client-1";
    /** Tokens are issued and verified at this instant, whatever the date the suite runs on. */
    static final Instant NOW = Instant.parse("2031-03-14T09:26:53Z");

    static RSAKey poolKey;
    static RSAKey otherKey;
    static TokenVerifier verifier;

    @BeforeAll
    static void keys() throws JOSEException {
        poolKey = new RSAKeyGenerator(2048).keyID("pool-1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("pool-1").generate();
        verifier = new TokenVerifier(new ImmutableJWKSet<>(new JWKSet(poolKey.toPublicJWK())), ISSUER, CLIENT,
                Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static JWTClaimsSet.Builder idToken(String sub) {
        Instant now = NOW;
        return new JWTClaimsSet.Builder().subject(sub).issuer(ISSUER).audience(CLIENT)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("token_use", "id");
    }

    static String sign(JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static String token(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        return sign(change.apply(idToken("trader-1")).build(), poolKey);
    }

    @Test
    @DisplayName("a user pool ID token names its subject and its Cognito groups")
    void idToken() throws Exception {
        VerifiedIdentity who = verifier.verify(token(b -> b.claim("cognito:groups", List.of("traders", "admin"))));

        assertThat(who.subject()).isEqualTo("trader-1");
        assertThat(who.groups()).containsExactly("traders", "admin");
        assertThat(who.expiresAt()).isAfter(NOW);
    }

    @Test
    @DisplayName("an access token (no aud) is accepted by its client_id, and refused for another client")
    void accessToken() throws Exception {
        JWTClaimsSet.Builder access = idToken("trader-2").audience((String) null).claim("token_use", "access");

        assertThat(verifier.verify(sign(access.claim("client_id", CLIENT).build(), poolKey)).subject())
                .isEqualTo("trader-2");
        assertThatThrownBy(() -> verifier.verify(sign(access.claim("client_id", "another-app").build(), poolKey)))
                .isInstanceOf(TokenRejectedException.class);
    }

    @Test
    @DisplayName("expired, foreign-issuer, other-audience and subject-less tokens are refused")
    void claimChecks() throws Exception {
        Instant past = NOW.minusSeconds(120);
        List<String> refused = List.of(
                token(b -> b.expirationTime(Date.from(past))),
                token(b -> b.issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other")),
                token(b -> b.audience("another-app")),
                token(b -> b.subject(null)),
                token(b -> b.notBeforeTime(Date.from(NOW.plusSeconds(600)))));

        for (String t : refused) {
            assertThatThrownBy(() -> verifier.verify(t)).isInstanceOf(TokenRejectedException.class);
        }
    }

    @Test
    @DisplayName("a token within the 30 s clock skew of its expiry still passes")
    void clockSkew() throws Exception {
        String justExpired = token(b -> b.expirationTime(Date.from(NOW.minusSeconds(10))));

        assertThat(verifier.verify(justExpired).subject()).isEqualTo("trader-1");
    }

    @Test
    @DisplayName("a token signed by another key with the same kid, an HS256 or an unsigned token is refused")
    void signatures() throws Exception {
        JWTClaimsSet claims = idToken("mallory").build();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("pool-1").build(), claims);
        hmac.sign(new MACSigner(new byte[32]));

        for (String t : List.of(sign(claims, otherKey), hmac.serialize(), new PlainJWT(claims).serialize())) {
            assertThatThrownBy(() -> verifier.verify(t)).isInstanceOf(TokenRejectedException.class);
        }
    }

    @Test
    @DisplayName("no token or a token that is not a JWT is refused without echoing it")
    void garbage() {
        assertThatThrownBy(() -> verifier.verify(null)).isInstanceOf(TokenRejectedException.class);
        assertThatThrownBy(() -> verifier.verify("not.a.jwt-secret-value"))
                .isInstanceOf(TokenRejectedException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-value"));
    }

    @Test
    @DisplayName("the JWKS location defaults to the issuer's well-known path, as Cognito publishes it")
    void jwksLocation() {
        AuthConfig config = new AuthConfig();
        config.setIssuer(ISSUER + "/");

        assertThat(config.resolvedJwksUrl()).isEqualTo(ISSUER + "/.well-known/jwks.json");
        config.setJwksUrl("https://keys.example.com/jwks.json");
        assertThat(config.resolvedJwksUrl()).isEqualTo("https://keys.example.com/jwks.json");
    }
}
