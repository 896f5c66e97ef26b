package com.nija.it.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nija.local.auth.LocalSigningKey;
import com.nija.local.auth.TokenIssuer;
import com.nija.local.platform.LocalPlatform;
import com.nija.shared.config.PlatformClock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * What the integration tests run against: the in-process {@link LocalPlatform} (the default), or a deployed stack
 * when {@code NIJA_API_URL} is set. Tests ask for what they need; a need the target cannot meet (platform internals,
 * a second trader's token on a deployed stack) skips that test with the reason, never silently.
 */
public final class ApiTarget implements AutoCloseable {
    public static final String URL_ENV = "NIJA_API_URL";
    public static final String TOKEN_ENV = "NIJA_API_TOKEN";
    /** Optional on a deployed stack: a second trader's token, for the isolation tests. */
    public static final String SECOND_TOKEN_ENV = "NIJA_API_TOKEN_B";

    private static final Duration TOKEN_TTL = Duration.ofHours(2);

    private final String baseUrl;
    private final LocalPlatform platform;
    private final Path home;
    private final String trader;
    private final String traderToken;
    private final String secondToken;

    private ApiTarget(String baseUrl, LocalPlatform platform, Path home, String trader, String traderToken,
                      String secondToken) {
        this.baseUrl = baseUrl;
        this.platform = platform;
        this.home = home;
        this.trader = trader;
        this.traderToken = traderToken;
        this.secondToken = secondToken;
    }

    /** The whole platform in this JVM on a free port, with the demo trader seeded. */
    static ApiTarget local(Path home) {
        LocalPlatform platform = LocalPlatform.start(new LocalPlatform.Options(0, true, null, home,
                ItPlatforms.options(java.util.Map.of())));
        return new ApiTarget(platform.baseUrl(), platform, home, LocalPlatform.DEMO_TRADER, null, null);
    }

    /** A deployed stack: the trader is whoever {@code NIJA_API_TOKEN} names. */
    static ApiTarget remote(String url, String token, String secondToken) {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(URL_ENV + " is set but " + TOKEN_ENV
                    + " is not: the tests need a trader's access token for " + url);
        }
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return new ApiTarget(base, null, null, subjectOf(token), token.strip(),
                secondToken == null || secondToken.isBlank() ? null : secondToken.strip());
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The trader with history: {@code demo-trader} locally, the owner of {@code NIJA_API_TOKEN} on a stack. */
    public String trader() {
        return trader;
    }

    /** Locally a token minted now, so a long run never outlives it; on a stack {@code NIJA_API_TOKEN}. */
    public String traderToken() {
        if (platform != null) return platform.tokens().issue(trader, List.of(), TOKEN_TTL);
        return traderToken;
    }

    /**
     * A trader whose settings a test may change: locally a fresh one (the demo trader stays as seeded for every other
     * class); on a deployed stack the owner of {@code NIJA_API_TOKEN}, whose changes the test must undo.
     */
    public String changeableTraderToken(String purpose) {
        return platform != null ? newTraderToken(purpose) : traderToken;
    }

    /**
     * A token for a trader other than {@link #trader()}: locally a new user id on each call; on a deployed stack the
     * owner of {@code NIJA_API_TOKEN_B}, or the test is skipped saying so.
     */
    public String otherTraderToken(String purpose) {
        if (platform != null) return newTraderToken(purpose);
        if (secondToken == null) {
            String reason = "Skipped against " + baseUrl + ": " + purpose + " needs a second trader; set "
                    + SECOND_TOKEN_ENV + " to that trader's access token";
            System.out.println("[it] " + reason);
            assumeTrue(false, reason);
        }
        return secondToken;
    }

    /** A token for a trader seen for the first time (a new user id each call). Local only. */
    public String newTraderToken(String purpose) {
        return tokenFor(newTraderId(purpose), "a trader with no history (" + purpose + ")");
    }

    /** A user id no one has used yet. */
    public static String newTraderId(String purpose) {
        return "it-" + purpose.replaceAll("[^a-z0-9]+", "-") + "-" + UUID.randomUUID();
    }

    /** A token signed with the platform's own key that expired an hour ago. Needs the local signing key. */
    public String expiredToken(String userId) {
        Path keyHome = localHome("an expired token signed with the platform's own key");
        Clock twoHoursAgo = Clock.fixed(PlatformClock.system().instant().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        return new TokenIssuer(LocalSigningKey.loadOrCreate(keyHome), twoHoursAgo)
                .issue(userId, List.of(), Duration.ofHours(1));
    }

    /**
     * The trader's token with its {@code sub} claim taken out, signed again with the platform's own key: valid for the
     * JWT authorizer (which does not look at {@code sub}), but naming nobody. Needs the local signing key.
     */
    public String tokenWithoutSubject() {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(localHome("a signed token without a sub claim"));
        try {
            SignedJWT original = SignedJWT.parse(traderToken());
            JWTClaimsSet claims = new JWTClaimsSet.Builder(original.getJWTClaimsSet())
                    .subject(null).claim("username", null).build();
            SignedJWT unnamed = new SignedJWT(original.getHeader(), claims);
            unnamed.sign(new RSASSASigner(key.privateJwk()));
            return unnamed.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("cannot re-sign the trader's token", e);
        }
    }

    /** A token for {@code userId} (local only: a deployed stack's tokens come from its user pool). */
    public String tokenFor(String userId, String why) {
        return platform(why).tokens().issue(userId, List.of(), TOKEN_TTL);
    }

    /**
     * The in-process platform, for tests that reach behind the API (seed data, stop Redis, read metrics).
     * Skips the test, saying why, when the target is a deployed stack.
     */
    public LocalPlatform platform(String why) {
        if (platform == null) {
            String reason = skipReason(baseUrl, why);
            System.out.println("[it] " + reason);
            assumeTrue(false, reason);
        }
        return platform;
    }

    /** The deployed stack's URL when {@code NIJA_API_URL} is set, else null (the in-process platform). */
    public static String remoteUrl() {
        String url = System.getenv(URL_ENV);
        return url == null || url.isBlank() ? null : url.strip();
    }

    static String skipReason(String url, String why) {
        return "Skipped against " + url + " (" + URL_ENV + " is set): needs the in-process local platform for "
                + why;
    }

    /** The local platform's home (its signing key), for tools that sign as the platform does. Local only. */
    public Path localHome(String why) {
        platform(why);
        return home;
    }

    private static String subjectOf(String token) {
        try {
            String sub = SignedJWT.parse(token.strip()).getJWTClaimsSet().getSubject();
            if (sub == null || sub.isBlank()) throw new IllegalStateException(TOKEN_ENV + " has no sub claim");
            return sub;
        } catch (ParseException e) {
            throw new IllegalStateException(TOKEN_ENV + " is not a signed JWT: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (platform != null) platform.close();
    }
}
