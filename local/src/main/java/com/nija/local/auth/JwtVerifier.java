package com.nija.local.auth;

import com.nija.shared.config.PlatformClock;
import com.nija.local.auth.TokenRejectedException.Reason;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigDecimal;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local JWT authorizer: checks a bearer token the way API Gateway's HTTP API JWT authorizer does, against the
 * {@link LocalSigningKey} instead of a Cognito JWKS.
 *
 * <p>Checks, in API Gateway's order: a compact JWS signed with RS256, {@code kid} naming the signing key, a valid
 * signature, {@code exp} after now, {@code nbf} and {@code iat} (when present) before now, {@code iss} equal to
 * {@link LocalAuthority#ISSUER}, and {@code aud} holding {@link LocalAuthority#AUDIENCE} — or, only when {@code aud}
 * is absent, {@code client_id} equal to it. Times allow a small clock skew. Thread-safe.
 *
 * <p>Like API Gateway's, it does not look at {@code sub}: a token without one reaches the function, which answers it
 * with 401 {@code invalid_token} itself (see the functions' {@code ApiRequest#userId}), in AWS as here.
 */
public final class JwtVerifier {
    /** Default tolerance for clocks of issuer and verifier that disagree. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    private static final String BEARER = "bearer ";
    /** Bound on remembered tokens; past it the memory starts over (each token then costs one full check again). */
    static final int MAX_REMEMBERED = 10_000;

    private final String keyId;
    private final RSASSAVerifier verifier;
    private final Clock clock;
    private final long skewMillis;
    /**
     * Tokens that passed every check, by their compact form. A token's signature, issuer and audience cannot change,
     * so a repeat presentation only needs its times checked again: what a JWT authorizer in front of a function
     * effectively does, and it saves an RSA verification and two JSON parses per request. Only accepted tokens are
     * remembered, so a refused token is refused for the same reason every time.
     */
    private final Map<String, Accepted> remembered = new ConcurrentHashMap<>();

    private record Accepted(JWTClaimsSet claims, VerifiedToken token) {
    }

    public JwtVerifier(LocalSigningKey key) {
        this(key, PlatformClock.system(), DEFAULT_CLOCK_SKEW);
    }

    public JwtVerifier(LocalSigningKey key, Clock clock, Duration clockSkew) {
        Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must be zero or positive: " + clockSkew);
        }
        this.skewMillis = clockSkew.toMillis();
        this.keyId = key.keyId();
        try {
            this.verifier = new RSASSAVerifier(key.publicJwk());
        } catch (JOSEException e) {
            throw new IllegalStateException("The local signing key cannot verify", e);
        }
    }

    /**
     * Verifies the token in an {@code Authorization} header value. Like API Gateway's identity source
     * {@code $request.header.Authorization}, it takes {@code Bearer <token>} or the bare token.
     */
    public VerifiedToken verifyAuthorizationHeader(String authorization) throws TokenRejectedException {
        if (authorization == null || authorization.isBlank()) {
            throw new TokenRejectedException(Reason.MISSING, "no bearer token");
        }
        String value = authorization.strip();
        if (value.equalsIgnoreCase(BEARER.strip())) {
            throw new TokenRejectedException(Reason.MISSING, "no bearer token");
        }
        if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            value = value.substring(BEARER.length()).strip();
        }
        return verify(value);
    }

    /** Verifies a compact JWS and returns its claims as API Gateway would pass them on. */
    public VerifiedToken verify(String token) throws TokenRejectedException {
        if (token == null || token.isBlank()) {
            throw new TokenRejectedException(Reason.MISSING, "no bearer token");
        }
        Accepted known = remembered.get(token);
        if (known != null) {
            try {
                checkTimes(known.claims());
            } catch (TokenRejectedException e) {
                remembered.remove(token);
                throw e;
            }
            return known.token();
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new TokenRejectedException(Reason.MALFORMED, "the token is not a valid JWT", e);
        }
        if (!(parsed instanceof SignedJWT jwt)) {
            // PlainJWT (alg none) or EncryptedJWT
            throw new TokenRejectedException(Reason.UNSUPPORTED_ALGORITHM,
                    "the token's algorithm " + parsed.getHeader().getAlgorithm() + " is not RS256");
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_ALGORITHM,
                    "the token's algorithm " + header.getAlgorithm() + " is not RS256");
        }
        if (!keyId.equals(header.getKeyID())) {
            throw new TokenRejectedException(Reason.UNKNOWN_KEY,
                    "the token's kid " + header.getKeyID() + " matches no signing key");
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new TokenRejectedException(Reason.BAD_SIGNATURE, "the token's signature is invalid");
            }
        } catch (JOSEException | IllegalStateException e) {
            throw new TokenRejectedException(Reason.BAD_SIGNATURE, "the token's signature is invalid", e);
        }

        Map<String, Object> raw = jwt.getPayload().toJSONObject();
        if (raw == null) {
            throw new TokenRejectedException(Reason.MALFORMED, "the token's payload is not a JSON object");
        }
        JWTClaimsSet claims;
        try {
            claims = JWTClaimsSet.parse(raw);
        } catch (ParseException e) {
            throw new TokenRejectedException(Reason.MALFORMED, "the token's claims are invalid: " + e.getMessage(), e);
        }
        checkTimes(claims);
        checkIssuer(claims);
        checkAudience(claims);
        VerifiedToken verified = new VerifiedToken(claims.getSubject(), render(raw), scopes(raw), groups(raw));
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(token, new Accepted(claims, verified));
        return verified;
    }

    private void checkTimes(JWTClaimsSet claims) throws TokenRejectedException {
        long now = clock.millis();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new TokenRejectedException(Reason.MISSING_CLAIM, "the token has no exp claim");
        }
        if (now - skewMillis >= exp.getTime()) {
            throw new TokenRejectedException(Reason.EXPIRED,
                    "the token has expired at " + exp.toInstant() + " (now " + Instant.ofEpochMilli(now) + ")");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now + skewMillis < nbf.getTime()) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID,
                    "the token is not valid before " + nbf.toInstant());
        }
        Date iat = claims.getIssueTime();
        if (iat != null && now + skewMillis < iat.getTime()) {
            throw new TokenRejectedException(Reason.ISSUED_IN_FUTURE,
                    "the token is issued in the future at " + iat.toInstant());
        }
    }

    private static void checkIssuer(JWTClaimsSet claims) throws TokenRejectedException {
        String issuer = claims.getIssuer();
        if (issuer == null) {
            throw new TokenRejectedException(Reason.MISSING_CLAIM, "the token has no iss claim");
        }
        if (!LocalAuthority.ISSUER.equals(issuer)) {
            throw new TokenRejectedException(Reason.WRONG_ISSUER, "the token's issuer " + issuer + " is not trusted");
        }
    }

    private static void checkAudience(JWTClaimsSet claims) throws TokenRejectedException {
        List<String> audience = claims.getAudience();
        if (!audience.isEmpty()) {
            // API Gateway evaluates aud when present and looks at client_id only when it is absent.
            if (!audience.contains(LocalAuthority.AUDIENCE)) {
                throw new TokenRejectedException(Reason.WRONG_AUDIENCE,
                        "the token's audience " + audience + " does not include " + LocalAuthority.AUDIENCE);
            }
            return;
        }
        Object clientId = claims.getClaim("client_id");
        if (!LocalAuthority.AUDIENCE.equals(clientId)) {
            throw new TokenRejectedException(Reason.WRONG_AUDIENCE,
                    "the token has no aud and its client_id " + clientId + " is not " + LocalAuthority.AUDIENCE);
        }
    }

    /**
     * Claims as strings, the way the HTTP API JWT authorizer passes them to the function: strings as they are,
     * numbers in plain decimal, booleans as {@code true}/{@code false}, arrays as {@code [a b c]} (elements joined
     * by spaces inside brackets), objects as {@code map[k:v]}; null claims are left out.
     */
    static Map<String, String> render(Map<String, Object> raw) {
        Map<String, String> out = new HashMap<>(raw.size() * 2);
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            if (e.getValue() != null) {
                out.put(e.getKey(), renderValue(e.getValue()));
            }
        }
        return out;
    }

    private static String renderValue(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Number n) {
            return plain(n);
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder().append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(renderValue(list.get(i)));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("map[");
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                sb.append(e.getKey()).append(':').append(renderValue(e.getValue()));
            }
            return sb.append(']').toString();
        }
        return value.toString();
    }

    private static String plain(Number n) {
        try {
            BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigIntegerExact().toString() : d.toPlainString();
        } catch (NumberFormatException | ArithmeticException e) {
            return n.toString();   // NaN, Infinity
        }
    }

    private static List<String> scopes(Map<String, Object> raw) {
        Object scope = raw.get("scope");
        if (scope == null) {
            scope = raw.get("scp");
        }
        return strings(scope, true);
    }

    private static List<String> groups(Map<String, Object> raw) {
        return strings(raw.get(LocalAuthority.GROUPS_CLAIM), false);
    }

    private static List<String> strings(Object value, boolean splitSpaces) {
        if (value instanceof String s) {
            if (s.isBlank()) {
                return List.of();
            }
            return splitSpaces ? List.of(s.strip().split("\\s+")) : List.of(s);
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (o != null) {
                    out.add(o.toString());
                }
            }
            return out;
        }
        return List.of();
    }
}
