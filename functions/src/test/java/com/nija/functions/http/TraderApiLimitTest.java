package com.nija.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.admin.ListSourcesHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.MutableClock;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.trading.GetPositionsHandler;
import com.nija.local.services.FreePort;
import com.nija.local.services.RedisServerProcess;
import com.nija.shared.account.BotState;
import com.nija.shared.json.Json;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each trader's API calls are limited by their tier (free 10 a minute, pro 100): headers on every answer, 429 with
 * {@code Retry-After} beyond. A context of its own with the tiers' own figures (the shared one lifts them), its own
 * Redis (so stopping it is seen by nobody else) and a clock moved by hand.
 */
class TraderApiLimitTest {
    private final LocalBackends backends = LocalBackends.get();
    private final MutableClock clock = new MutableClock(Instant.parse("2031-06-16T12:00:00Z"));
    private RedisServerProcess redis;
    private ApplicationContext context;
    private GetPositionsHandler positions;

    @BeforeEach
    void contextOfItsOwn() {
        redis = new RedisServerProcess(FreePort.find()).start();
        context = backends.newContext(Map.of("nija.redis-url", redis.uri().toString(),
                "nija.api.rate-limit-per-minute-override", "0"), clock);
        positions = new GetPositionsHandler(context);
    }

    @AfterEach
    void close() {
        context.close();
        redis.close();
    }

    @Test
    @DisplayName("a free trader's 11th call in a minute is 429 problem+json with Retry-After; each call before says what is left")
    void freeTraderRefusedAfterTen() {
        String user = trader("free");
        for (int i = 1; i <= 10; i++) {
            APIGatewayV2HTTPResponse r = get(user);
            assertThat(r.getStatusCode()).isEqualTo(200);
            assertThat(r.getHeaders()).containsEntry("X-RateLimit-Limit", "10")
                    .containsEntry("X-RateLimit-Remaining", Integer.toString(10 - i))
                    .containsKey("X-RateLimit-Reset");
        }

        APIGatewayV2HTTPResponse refused = get(user);

        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertThat(refused.getHeaders()).containsEntry("Content-Type", "application/problem+json")
                .containsEntry("X-RateLimit-Limit", "10").containsEntry("X-RateLimit-Remaining", "0")
                .containsEntry("Retry-After", "6")       // one of 10 a minute comes back every 6 s
                .containsEntry("X-RateLimit-Reset", "60");
        assertThat(Json.readTree(refused.getBody()).orElseThrow().path("type").asText())
                .isEqualTo("https://nija.dev/problems/api-rate-limit");
    }

    @Test
    @DisplayName("a pro trader's 11th call is served, and their limit is 100")
    void proTraderServed() {
        String user = trader("pro");
        APIGatewayV2HTTPResponse last = null;
        for (int i = 0; i < 11; i++) last = get(user);

        assertThat(last.getStatusCode()).isEqualTo(200);
        assertThat(last.getHeaders()).containsEntry("X-RateLimit-Limit", "100")
                .containsEntry("X-RateLimit-Remaining", "89");
    }

    @Test
    @DisplayName("the window refills as the clock moves: 6 s later one call more, a minute later all ten")
    void refillsWithTime() {
        String user = trader("free");
        for (int i = 0; i < 10; i++) get(user);
        assertThat(get(user).getStatusCode()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(6));
        assertThat(get(user).getStatusCode()).isEqualTo(200);
        assertThat(get(user).getStatusCode()).isEqualTo(429);

        clock.advance(Duration.ofMinutes(1));
        APIGatewayV2HTTPResponse fresh = get(user);
        assertThat(fresh.getStatusCode()).isEqualTo(200);
        assertThat(fresh.getHeaders()).containsEntry("X-RateLimit-Remaining", "9");
    }

    @Test
    @DisplayName("one trader over their limit leaves another trader's calls untouched")
    void otherTraderUnaffected() {
        String flooding = trader("free");
        String other = trader("free");
        for (int i = 0; i < 11; i++) get(flooding);
        assertThat(get(flooding).getStatusCode()).isEqualTo(429);

        APIGatewayV2HTTPResponse r = get(other);

        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeaders()).containsEntry("X-RateLimit-Remaining", "9");
    }

    @Test
    @DisplayName("staff routes draw from a bucket of their own: a free-tier admin over their trading limit still lists sources")
    void staffRoutesApart() {
        String admin = trader("free");
        for (int i = 0; i < 11; i++) get(admin);
        assertThat(get(admin).getStatusCode()).isEqualTo(429);

        var event = Events.http("api/list-sources.json", admin);
        APIGatewayV2HTTPResponse r = new ListSourcesHandler(context).handleRequest(event, null);

        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeaders()).containsEntry("X-RateLimit-Limit", "600");
    }

    @Test
    @DisplayName("with Redis stopped every call is served, without remaining/reset, and the outage is counted")
    void failsOpen() {
        String user = trader("free");
        double before = backends.metrics().total("RateLimitUnavailable");
        redis.stop();

        for (int i = 0; i < 12; i++) {
            APIGatewayV2HTTPResponse r = get(user);
            assertThat(r.getStatusCode()).isEqualTo(200);
            assertThat(r.getHeaders()).containsEntry("X-RateLimit-Limit", "10")
                    .doesNotContainKey("X-RateLimit-Remaining");
        }
        assertThat(backends.metrics().total("RateLimitUnavailable")).isGreaterThanOrEqualTo(before + 12);
    }

    private String trader(String tier) {
        return TraderFixture.newTrader().profile(tier, BotState.RUNNING, "10000.00").userId();
    }

    private APIGatewayV2HTTPResponse get(String user) {
        APIGatewayV2HTTPResponse r = positions.handleRequest(Events.http("api/get-positions.json", user), null);
        Map<String, String> headers = new HashMap<>(r.getHeaders());
        r.setHeaders(headers);
        return r;
    }
}
