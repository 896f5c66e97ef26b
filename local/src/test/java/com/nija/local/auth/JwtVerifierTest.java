package com.nija.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.local.auth.TokenRejectedException.Reason;
import com.nija.shared.config.PlatformClock;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtVerifierTest {
    @TempDir
    static Path home;
    @TempDir
    static Path otherHome;

    static LocalSigningKey key;
    static LocalSigningKey otherKey;
    static JwtVerifier verifier;
    static TokenIssuer issuer;

    @BeforeAll
    static void keys() {
        key = LocalSigningKey.loadOrCreate(home);
        otherKey = LocalSigningKey.loadOrCreate(otherHome);
        verifier = new JwtVerifier(key);
        issuer = new TokenIssuer(key);
    }

    @Test
    @DisplayName("a token the issuer made verifies, with claims rendered as API Gateway passes them")
    void validTokenVerifies() throws Exception {
        String token = issuer.issue("user-42", List.of("admin", "finance"), Duration.ofHours(1));

        VerifiedToken verified = verifier.verify(token);

        assertThat(verified.subject()).isEqualTo("user-42");
        assertThat(verified.groups()).containsExactly("admin", "finance");
        assertThat(verified.claims())
                .containsEntry("sub", "user-42")
                .containsEntry("iss", LocalAuthority.ISSUER)
                .containsEntry("aud", LocalAuthority.AUDIENCE)
                .containsEntry("client_id", LocalAuthority.AUDIENCE)
                .containsEntry("token_use", "access")
                .containsEntry("cognito:groups", "[admin finance]")
                .containsKeys("iat", "exp", "jti");
        assertThat(verified.claims().get("exp")).matches("\\d{10}");
        long lifetime = Long.parseLong(verified.claims().get("exp")) - Long.parseLong(verified.claims().get("iat"));
        assertThat(lifetime).isEqualTo(3600);
    }

    @Test
    @DisplayName("a token without groups carries no cognito:groups claim")
    void noGroupsNoClaim() throws Exception {
        VerifiedToken verified = verifier.verify(issuer.issue("u1", List.of(), Duration.ofMinutes(5)));

        assertThat(verified.claims()).doesNotContainKey("cognito:groups");
        assertThat(verified.groups()).isEmpty();
        assertThat(verified.scopes()).isEmpty();
    }

    @Test
    @DisplayName("the Authorization header works with and without the Bearer prefix")
    void authorizationHeader() throws Exception {
        String token = issuer.issue("u1", List.of(), Duration.ofMinutes(5));

        assertThat(verifier.verifyAuthorizationHeader("Bearer " + token).subject()).isEqualTo("u1");
        assertThat(verifier.verifyAuthorizationHeader("bearer  " + token).subject()).isEqualTo("u1");
        assertThat(verifier.verifyAuthorizationHeader(token).subject()).isEqualTo("u1");
        assertRejected(() -> verifier.verifyAuthorizationHeader(null), Reason.MISSING);
        assertRejected(() -> verifier.verifyAuthorizationHeader("Bearer "), Reason.MISSING);
    }

    @Test
    @DisplayName("an expired token is refused")
    void expired() {
        Clock twoHoursAgo = Clock.fixed(PlatformClock.system().instant().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String token = new TokenIssuer(key, twoHoursAgo).issue("u1", List.of(), Duration.ofHours(1));

        assertRejected(() -> verifier.verify(token), Reason.EXPIRED);
    }

    @Test
    @DisplayName("expiry allows the clock skew and no more")
    void clockSkew() throws Exception {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        String token = new TokenIssuer(key, Clock.fixed(now, ZoneOffset.UTC)).issue("u1", List.of(), Duration.ofMinutes(1));
        Duration skew = Duration.ofSeconds(30);

        JwtVerifier justWithin = new JwtVerifier(key, Clock.fixed(now.plusSeconds(60 + 29), ZoneOffset.UTC), skew);
        JwtVerifier justPast = new JwtVerifier(key, Clock.fixed(now.plusSeconds(60 + 30), ZoneOffset.UTC), skew);

        assertThat(justWithin.verify(token).subject()).isEqualTo("u1");
        assertRejected(() -> justPast.verify(token), Reason.EXPIRED);
    }

    @Test
    @DisplayName("a token accepted before is still refused once it expires")
    void rememberedTokenStillExpires() throws Exception {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        String token = new TokenIssuer(key, Clock.fixed(now, ZoneOffset.UTC)).issue("u1", List.of(), Duration.ofMinutes(1));
        MutableClock clock = new MutableClock(now);
        JwtVerifier verifier = new JwtVerifier(key, clock, Duration.ZERO);

        VerifiedToken first = verifier.verify(token);
        VerifiedToken again = verifier.verify(token);
        clock.now = now.plusSeconds(60);

        assertThat(again).isEqualTo(first);
        assertRejected(() -> verifier.verify(token), Reason.EXPIRED);
        assertRejected(() -> verifier.verify(token), Reason.EXPIRED);
    }

    @Test
    @DisplayName("a refused token stays refused, and a changed copy of an accepted one is checked afresh")
    void rememberingNeverAcceptsOtherTokens() throws Exception {
        String token = issuer.issue("u1", List.of(), Duration.ofHours(1));
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A")
                + parts[2].substring(1);

        assertThat(verifier.verify(token).subject()).isEqualTo("u1");
        assertRejected(() -> verifier.verify(otherSignature), Reason.BAD_SIGNATURE);
        assertRejected(() -> verifier.verify(otherSignature), Reason.BAD_SIGNATURE);
        assertThat(verifier.verify(token).subject()).isEqualTo("u1");
    }

    @Test
    @DisplayName("a token not valid yet (nbf, iat in the future) is refused")
    void notYetValid() throws Exception {
        Instant future = PlatformClock.system().instant().plus(Duration.ofHours(1));
        String nbfToken = sign(key.privateJwk(), key.keyId(), base()
                .notBeforeTime(Date.from(future)).build());
        String iatToken = new TokenIssuer(key, Clock.fixed(future, ZoneOffset.UTC))
                .issue("u1", List.of(), Duration.ofHours(2));

        assertRejected(() -> verifier.verify(nbfToken), Reason.NOT_YET_VALID);
        assertRejected(() -> verifier.verify(iatToken), Reason.ISSUED_IN_FUTURE);
    }

    @Test
    @DisplayName("a token from another issuer is refused")
    void wrongIssuer() throws Exception {
        String token = sign(key.privateJwk(), key.keyId(), base().issuer("https://evil.example").build());

        assertRejected(() -> verifier.verify(token), Reason.WRONG_ISSUER);
    }

    @Test
    @DisplayName("a token for another audience is refused; client_id counts only when aud is absent")
    void wrongAudience() throws Exception {
        String otherAud = sign(key.privateJwk(), key.keyId(), base().audience("other-api").build());
        String audWinsOverClientId = sign(key.privateJwk(), key.keyId(),
                base().audience("other-api").claim("client_id", LocalAuthority.AUDIENCE).build());
        String clientIdOnly = sign(key.privateJwk(), key.keyId(), base().audience((String) null)
                .claim("client_id", LocalAuthority.AUDIENCE).build());
        String neither = sign(key.privateJwk(), key.keyId(), base().audience((String) null).build());

        assertRejected(() -> verifier.verify(otherAud), Reason.WRONG_AUDIENCE);
        assertRejected(() -> verifier.verify(audWinsOverClientId), Reason.WRONG_AUDIENCE);
        assertThat(verifier.verify(clientIdOnly).claims()).doesNotContainKey("aud");
        assertRejected(() -> verifier.verify(neither), Reason.WRONG_AUDIENCE);
    }

    @Test
    @DisplayName("a token whose payload was changed after signing is refused")
    void tamperedPayload() throws Exception {
        String token = issuer.issue("u1", List.of(), Duration.ofHours(1));
        String[] parts = token.split("\\.");
        String forged = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8).replace("\"u1\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64URL.encode(forged) + "." + parts[2];

        assertRejected(() -> verifier.verify(tampered), Reason.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("a token whose signature bytes were changed is refused")
    void tamperedSignature() throws Exception {
        String token = issuer.issue("u1", List.of(), Duration.ofHours(1));
        byte[] signature = Base64URL.from(token.substring(token.lastIndexOf('.') + 1)).decode();
        signature[10] ^= 0x01;
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + Base64URL.encode(signature);

        assertRejected(() -> verifier.verify(tampered), Reason.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("a token signed by another key is refused, whether it names that key or ours")
    void otherKey() throws Exception {
        String namesOtherKey = new TokenIssuer(otherKey).issue("u1", List.of(), Duration.ofHours(1));
        String claimsOurKid = sign(otherKey.privateJwk(), key.keyId(), base().build());

        assertRejected(() -> verifier.verify(namesOtherKey), Reason.UNKNOWN_KEY);
        assertRejected(() -> verifier.verify(claimsOurKid), Reason.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("alg none, HS256 and garbage are refused")
    void badAlgorithms() throws Exception {
        String none = new PlainJWT(base().build()).serialize();
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.keyId()).build(), base().build());
        hs.sign(new MACSigner(new byte[32]));
        String hs256 = hs.serialize();
        String noneWithOurKid = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + key.keyId() + "\"}") + "."
                + Base64URL.encode(base().build().toString()) + ".";

        assertRejected(() -> verifier.verify(none), Reason.UNSUPPORTED_ALGORITHM);
        assertRejected(() -> verifier.verify(noneWithOurKid), Reason.UNSUPPORTED_ALGORITHM);
        assertRejected(() -> verifier.verify(hs256), Reason.UNSUPPORTED_ALGORITHM);
        assertRejected(() -> verifier.verify("not-a-jwt"), Reason.MALFORMED);
        assertRejected(() -> verifier.verify("a.b.c"), Reason.MALFORMED);
    }

    @Test
    @DisplayName("a token without exp is refused")
    void missingExpiry() throws Exception {
        String token = sign(key.privateJwk(), key.keyId(), base().expirationTime(null).build());

        assertRejected(() -> verifier.verify(token), Reason.MISSING_CLAIM);
    }

    @Test
    @DisplayName("claims of every JSON type are rendered as strings the way API Gateway does")
    void claimRendering() throws Exception {
        String token = sign(key.privateJwk(), key.keyId(), base()
                .claim("scope", "read write")
                .claim("flag", true)
                .claim("ratio", 0.5)
                .claim("count", 7)
                .claim("nested", Map.of("b", 2, "a", "x"))
                .claim("empty", List.of())
                .build());

        VerifiedToken verified = verifier.verify(token);

        assertThat(verified.claims())
                .containsEntry("scope", "read write")
                .containsEntry("flag", "true")
                .containsEntry("ratio", "0.5")
                .containsEntry("count", "7")
                .containsEntry("nested", "map[a:x b:2]")
                .containsEntry("empty", "[]");
        assertThat(verified.scopes()).containsExactly("read", "write");
    }

    private static JWTClaimsSet.Builder base() {
        Instant now = PlatformClock.system().instant();
        return new JWTClaimsSet.Builder()
                .subject("u1")
                .issuer(LocalAuthority.ISSUER)
                .audience(LocalAuthority.AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    private static String sign(RSAKey signingKey, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private interface Verification {
        VerifiedToken run() throws TokenRejectedException;
    }

    private static void assertRejected(Verification verification, Reason reason) {
        assertThatThrownBy(verification::run)
                .isInstanceOf(TokenRejectedException.class)
                .satisfies(e -> assertThat(((TokenRejectedException) e).reason()).isEqualTo(reason));
    }
}
