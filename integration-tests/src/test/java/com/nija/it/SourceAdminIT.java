package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.Api;
import com.nija.it.support.ApiResponse;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Ops register a signal source and a price feed through the admin API (no access to the table or the platform),
 * hand the secrets to the senders, and the senders' signed requests are accepted; a rotation keeps both secrets
 * working during the overlap; a disabled source is refused.
 */
@PlatformTest
@DisplayName("Signal and price sources created through the admin API")
class SourceAdminIT {
    private static final String SOURCES = "/api/v1/admin/sources";
    private static final String DOT = "DOT-USD";

    private final ApiTarget target;
    private final Api api;

    SourceAdminIT(ApiTarget target) {
        this.target = target;
        this.api = new Api(target);
    }

    @Test
    @DisplayName("an admin creates a source and a feed; a signal signed with the returned secret is accepted (202) and "
            + "fills for a follower; after a rotation old and new secrets both verify; disabled, the source gets 401")
    void createSendRotateDisable() {
        String admin = adminToken();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = "it-admin-src-" + suffix;
        String feed = "it-admin-feed-" + suffix;
        JsonNode created = create(admin, Map.of("id", id, "kind", "SIGNALS", "strategies", List.of("*")))
                .expect(201).json();
        JsonNode feedCreated = create(admin, Map.of("id", feed, "kind", "PRICES")).expect(201).json();
        String secret = created.path("secret").asText();
        SignalSource source = SignalSource.created(api, id, secret, feed, feedCreated.path("secret").asText());
        Trader trader = Trader.fresh(target, "source admin");
        trader.follow(source, Map.of("allowedSymbols", List.of(DOT)));
        source.price(DOT, "6.00");

        source.send(SignalSource.signal("buy", DOT)).expect(202);

        assertThat(trader.awaitOrders("the signal's order to fill", null, o -> o.size() == 1).get(0)
                .path("status").asText()).isEqualTo("FILLED");
        JsonNode listed = listed(admin, id);
        assertThat(listed.path("enabled").asBoolean()).isTrue();
        assertThat(listed.toString()).doesNotContain(secret);

        String rotated = post(admin, SOURCES + "/" + id + "/rotate").ok().path("secret").asText();
        assertThat(rotated).isNotEqualTo(secret);
        source.sendSignedWith(rotated, SignalSource.signal("sell", DOT)).expect(202);
        source.sendSignedWith(secret, SignalSource.signal("sell", DOT)).expect(202); // the overlap

        assertThat(post(admin, SOURCES + "/" + id + "/disable").ok().path("enabled").asBoolean()).isFalse();
        source.sendSignedWith(rotated, SignalSource.signal("sell", DOT)).problem(401);
    }

    @Test
    @DisplayName("a source created with a limit of 2 a minute gets the X-RateLimit headers over HTTP, then 429 "
            + "problem+json with Retry-After naming it; another source is still accepted")
    void rateLimitOverHttp() {
        String admin = adminToken();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = "it-limited-" + suffix;
        String other = "it-unlimited-" + suffix;
        JsonNode created = create(admin, Map.of("id", id, "kind", "SIGNALS", "strategies", List.of("*"),
                "rateLimitPerMinute", 2)).expect(201).json();
        JsonNode otherCreated = create(admin, Map.of("id", other, "kind", "SIGNALS", "strategies", List.of("*")))
                .expect(201).json();
        SignalSource limited = SignalSource.created(api, id, created.path("secret").asText(), null, null);
        SignalSource unaffected = SignalSource.created(api, other, otherCreated.path("secret").asText(), null, null);

        ApiResponse first = limited.send(SignalSource.signal("buy", DOT)).expect(202);
        ApiResponse second = limited.send(SignalSource.signal("buy", DOT)).expect(202);
        ApiResponse third = limited.send(SignalSource.signal("buy", DOT));

        assertThat(created.path("source").path("rateLimitPerMinute").asInt()).isEqualTo(2);
        assertThat(first.header("X-RateLimit-Limit")).hasValue("2");
        assertThat(first.header("X-RateLimit-Remaining")).hasValue("1");
        assertThat(second.header("X-RateLimit-Remaining")).hasValue("0");
        assertThat(second.header("X-RateLimit-Reset")).hasValueSatisfying(s -> assertThat(Long.parseLong(s))
                .isBetween(1L, 60L));
        JsonNode problem = third.problem(429);
        assertThat(problem.path("type").asText()).isEqualTo(ApiResponse.PROBLEM_TYPE_BASE + "source-rate-limit");
        assertThat(problem.path("detail").asText()).contains(id);
        assertThat(third.header("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s))
                .isBetween(1L, 30L));
        unaffected.send(SignalSource.signal("buy", DOT)).expect(202);
    }

    @Test
    @DisplayName("a trader's token gets 403 from the source routes, and the listing never shows a secret")
    void tradersForbidden() {
        String trader = target.newTraderToken("source admin, forbidden");

        api.get(SOURCES, trader).problem(403);
        create(trader, Map.of("id", "it-not-allowed", "kind", "SIGNALS", "strategies", List.of("*"))).problem(403);
        assertThat(api.get(SOURCES, adminToken()).ok().toString()).doesNotContain("\"secret\"")
                .doesNotContain("sealed");
    }

    private JsonNode listed(String admin, String id) {
        for (JsonNode s : api.get(SOURCES, admin).ok().path("sources")) {
            if (s.path("id").asText().equals(id)) return s;
        }
        throw new AssertionError("source " + id + " is not listed");
    }

    private ApiResponse create(String token, Map<String, Object> body) {
        try {
            return api.send("POST", SOURCES, token, Map.of("Content-Type", "application/json"),
                    Api.JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiResponse post(String token, String path) {
        return api.send("POST", path, token, Map.of(), null);
    }

    private String adminToken() {
        return target.platform("an admin token signed with the platform's own key").tokens()
                .issue(ApiTarget.newTraderId("admin"), List.of("admin"), Duration.ofMinutes(10));
    }
}
