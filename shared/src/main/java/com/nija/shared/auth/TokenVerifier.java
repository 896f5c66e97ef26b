package com.nija.shared.auth;

import com.nija.shared.input.InputLimits;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies a trader's JWT the way API Gateway's JWT authorizer does for the HTTP routes, for the places where we
 * verify tokens ourselves (the WebSocket {@code $connect} authorizer): RS256 signature by a key of the issuer's
 * JWK set (picked by {@code kid}), {@code exp} in the future and {@code nbf} in the past within the clock skew,
 * {@code iss} exactly the issuer, {@code sub} a user id (present, bounded, no key separators), and {@code aud}
 * holding the audience — or, only when there is no {@code aud} (Cognito access tokens), {@code client_id} equal to
 * it. Thread-safe; the JWK set is fetched once and cached by nimbus.
 */
public final class TokenVerifier {
    /** Cognito writes a user's groups here. */
    public static final String GROUPS_CLAIM = "cognito:groups";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /** {@code clock} decides {@code exp} and {@code nbf}: nimbus would otherwise read the JVM's wall clock. */
    public TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, Duration clockSkew,
                         Clock clock) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(audience, "audience");
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new AudienceOrClientId(audience,
                new JWTClaimsSet.Builder().issuer(Objects.requireNonNull(issuer, "issuer")).build(),
                Objects.requireNonNull(clock, "clock"));
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    public VerifiedIdentity verify(String token) throws TokenRejectedException {
        if (token == null || token.isBlank()) throw new TokenRejectedException("no token");
        try {
            JWTClaimsSet claims = processor.process(token.strip(), null);
            if (!InputLimits.Id.USER.accepts(claims.getSubject())) {
                throw new TokenRejectedException("the token's sub claim is not a user id");
            }
            return new VerifiedIdentity(claims.getSubject(), groups(claims), claims.getExpirationTime().toInstant());
        } catch (ParseException e) {
            throw new TokenRejectedException("the token is not a valid JWT");
        } catch (BadJOSEException e) {
            // nimbus's messages name the failed check (expired, wrong issuer, bad signature) and never the token.
            throw new TokenRejectedException(e.getMessage());
        } catch (JOSEException e) {
            throw new TokenRejectedException("the token's signature could not be checked", e);
        }
    }

    private static List<String> groups(JWTClaimsSet claims) {
        Object raw = claims.getClaim(GROUPS_CLAIM);
        if (raw instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        if (raw instanceof String s && !s.isBlank()) return List.of(s.split("[ ,]+"));
        return List.of();
    }

    /** exp and sub required, iss exact; aud must hold the audience, client_id only counts when aud is absent. */
    private static final class AudienceOrClientId extends DefaultJWTClaimsVerifier<SecurityContext> {
        private final String audience;
        private final Clock clock;

        AudienceOrClientId(String audience, JWTClaimsSet exact, Clock clock) {
            super(null, exact, Set.of("exp", "sub"), null);
            this.audience = audience;
            this.clock = clock;
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            List<String> aud = claims.getAudience();
            if (!aud.isEmpty()) {
                if (!aud.contains(audience)) throw new BadJWTException("JWT audience rejected: " + aud);
            } else if (!audience.equals(claims.getClaim("client_id"))) {
                throw new BadJWTException("JWT has no aud and its client_id is not the expected one");
            }
        }
    }
}
