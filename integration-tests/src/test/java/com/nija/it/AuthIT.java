package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.it.support.Api;
import com.nija.it.support.ApiResponse;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.ItPlatforms;
import com.nija.it.support.PlatformTest;
import com.nija.local.platform.LocalPlatform;
import com.nija.shared.account.TierCatalog;
import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.config.PlatformClock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigDecimal;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Who may call the trader API: the gateway's JWT authorizer, seen from a client. */
@PlatformTest
@DisplayName("Signing in to the trader API")
class AuthIT {
    private static final String POSITIONS = "/api/v1/positions";

    private final ApiTarget target;
    private final Api api;

    AuthIT(ApiTarget target) {
        this.target = target;
        this.api = new Api(target);
    }

    @Test
    @DisplayName("a request without a token is turned away with 401 and a problem body")
    void noToken() {
        var response = api.get(POSITIONS, null);

        var problem = response.problem(401);
        assertThat(problem.path("type").asText()).endsWith("/unauthorized");
        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.body()).doesNotContain("positionId");
    }

    @Test
    @DisplayName("a token that is not a JWT at all is turned away with 401")
    void garbageToken() {
        var response = api.get(POSITIONS, "not-a-jwt.at-all");

        response.problem(401);
        assertThat(response.body()).doesNotContain("positionId");
    }

    @Test
    @DisplayName("a token signed by someone else's key, with the right key id and claims, is turned away with 401")
    void tokenSignedByAnotherKey() throws Exception {
        String forged = resignWithFreshKey(target.traderToken());

        var response = api.get(POSITIONS, forged);

        response.problem(401);
        assertThat(response.body()).doesNotContain("positionId");
    }

    @Test
    @DisplayName("a token that has expired is turned away with 401")
    void expiredToken() {
        String expired = target.expiredToken(target.trader());

        var response = api.get(POSITIONS, expired);

        var problem = response.problem(401);
        assertThat(problem.path("detail").asText()).containsIgnoringCase("expired");
    }

    @Test
    @DisplayName("a validly signed token without a sub claim is turned away with 401 invalid_token saying why, not a 500")
    void tokenWithoutSubject() {
        String unnamed = target.tokenWithoutSubject();

        var response = api.get(POSITIONS, unnamed);

        var problem = response.problem(401);
        assertThat(problem.path("type").asText()).endsWith("/unauthorized");
        assertThat(problem.path("detail").asText()).contains("sub");
        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer error=\"invalid_token\", error_description=").contains("sub"));
        assertThat(response.body()).doesNotContain("positionId");
    }

    @Test
    @DisplayName("a valid token gets the trader's positions")
    void validToken() {
        var body = api.get(POSITIONS, target.traderToken()).ok();

        assertThat(body.path("positions").isArray()).as("positions array in %s", body).isTrue();
    }

    @Test
    @DisplayName("the health check needs no token")
    void healthIsPublic() {
        var body = api.get("/health", null).ok();

        assertThat(body.path("status").asText()).isIn("ok", "degraded");
    }

    @Test
    @DisplayName("each answer carries the plan's rate-limit headers, and the call past the plan's limit is 429 with "
            + "Retry-After")
    void planRateLimit() {
        String why = "a trader put on the one plan whose API limit the test platform keeps";
        LocalPlatform platform = target.platform(why);
        String trader = ApiTarget.newTraderId("rate limited");
        Instant now = PlatformClock.system().instant();
        platform.context().getBean(TradingTables.class).profiles().putItem(new ProfileItem(Keys.user(trader),
                Keys.PROFILE, trader, "Limited Trader", ItPlatforms.LIMITED_TIER, "active", "RUNNING",
                new BigDecimal("10000.00"), 0L, now, now, null));
        int limit = platform.context().getBean(TierCatalog.class).limits(ItPlatforms.LIMITED_TIER).apiCallsPerMinute();
        String token = target.tokenFor(trader, why);

        List<ApiResponse> answers = new ArrayList<>();
        // The bucket refills one call every 60/limit s, and a call whose Redis reply is late is let through uncounted
        // (fail open): on a slow machine more than `limit` calls may pass before the first refusal.
        while (answers.size() < 4 * limit && (answers.isEmpty() || answers.get(answers.size() - 1).status() != 429)) {
            answers.add(api.get(POSITIONS, token));
        }

        ApiResponse refused = answers.get(answers.size() - 1);
        List<ApiResponse> served = answers.subList(0, answers.size() - 1);
        assertThat(served).hasSizeGreaterThanOrEqualTo(limit).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Limit")).contains(String.valueOf(limit));
        });
        // A counted call says what is left and when the whole limit is back; one let through uncounted only its limit.
        List<ApiResponse> counted = served.stream().filter(r -> r.header("X-RateLimit-Remaining").isPresent()).toList();
        assertThat(counted).isNotEmpty().allSatisfy(r -> {
            assertThat(Integer.parseInt(r.header("X-RateLimit-Remaining").orElseThrow())).isBetween(0, limit - 1);
            assertThat(r.header("X-RateLimit-Reset")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        });
        assertThat(refused.problem(429).path("type").asText()).endsWith("/api-rate-limit");
        assertThat(refused.header("Retry-After")).hasValueSatisfying(v ->
                assertThat(Integer.parseInt(v)).isBetween(1, 60));
        assertThat(refused.header("X-RateLimit-Remaining")).contains("0");
        assertThat(refused.body()).doesNotContain("positionId");
    }

    /** The same header (algorithm, kid) and claims as {@code token}, signed by a key the platform never saw. */
    private static String resignWithFreshKey(String token) throws ParseException, JOSEException {
        SignedJWT original = SignedJWT.parse(token);
        JWSHeader header = original.getHeader();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(header.getKeyID()).generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder(original.getJWTClaimsSet())
                .expirationTime(Date.from(PlatformClock.system().instant().plus(Duration.ofHours(1))))
                .build();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(header).build(), claims);
        forged.sign(new RSASSASigner(stranger));
        return forged.serialize();
    }
}
