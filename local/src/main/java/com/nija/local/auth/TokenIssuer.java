package com.nija.local.auth;

import com.nija.shared.config.PlatformClock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues RS256 access tokens shaped like Cognito's, signed with the {@link LocalSigningKey}: {@code sub},
 * {@code iss}, {@code aud} and {@code client_id}, {@code iat}, {@code exp}, {@code jti}, {@code token_use=access}
 * {@code amr} (how the person signed in) and {@code cognito:groups} when the caller has groups. Thread-safe.
 */
public final class TokenIssuer {
    private final JWSSigner signer;
    private final JWSHeader header;
    private final Clock clock;

    public TokenIssuer(LocalSigningKey key) {
        this(key, PlatformClock.system());
    }

    /** With a clock, so tests can issue tokens that are already expired or not yet valid. */
    public TokenIssuer(LocalSigningKey key, Clock clock) {
        Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.signer = new RSASSASigner(key.privateJwk());
        } catch (JOSEException e) {
            throw new IllegalStateException("The local signing key cannot sign", e);
        }
        this.header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.keyId())
                .build();
    }

    /**
     * A signed access token for {@code userId}.
     *
     * @param userId the trader's id, becomes {@code sub} (and {@code username})
     * @param groups Cognito groups ({@code finance}, {@code admin}); empty or null for a plain trader
     * @param ttl    how long the token is valid, positive
     * @return the compact JWS, ready for {@code Authorization: Bearer <token>}
     */
    public String issue(String userId, List<String> groups, Duration ttl) {
        return issue(userId, groups, ttl, true);
    }

    /**
     * The same, saying in {@code amr} how the person signed in, as Cognito does: password and a TOTP code
     * ({@code [pwd, otp, mfa]}, what staff routes require) or the password alone ({@code [pwd]}).
     */
    public String issue(String userId, List<String> groups, Duration ttl, boolean secondFactor) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        // JWT times are whole seconds; truncate so iat/exp read back exactly as issued.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(userId)
                .issuer(LocalAuthority.ISSUER)
                .audience(LocalAuthority.AUDIENCE)
                .claim("client_id", LocalAuthority.AUDIENCE)
                .claim("username", userId)
                .claim("token_use", "access")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        claims.claim("amr", secondFactor ? List.of("pwd", "otp", "mfa") : List.of("pwd"));
        if (groups != null && !groups.isEmpty()) {
            claims.claim(LocalAuthority.GROUPS_CLAIM, List.copyOf(groups));
        }
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }
}
