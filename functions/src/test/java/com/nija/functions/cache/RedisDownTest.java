package com.nija.functions.cache;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.dashboard.GetDashboardHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.trading.GetPositionsHandler;
import com.nija.shared.account.BotState;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.trading.Side;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cache is an optimization: with Redis gone, reads come from DynamoDB and a metric counts it. */
class RedisDownTest {
    private final LocalBackends backends = LocalBackends.get();
    private final GetPositionsHandler positions = new GetPositionsHandler(backends.context());
    private final GetDashboardHandler dashboard = new GetDashboardHandler(backends.context());

    @Test
    @DisplayName("with Redis stopped, positions and the dashboard still answer 200 with correct figures, and the outage is counted")
    void readsSurviveRedisOutage() {
        TraderFixture trader = TraderFixture.newTrader()
                .profile("pro", BotState.RUNNING, "10000.00")
                .price("BTC-USD", "61000");
        trader.openPosition("p-btc", "BTC-USD", Side.LONG, "0.1", "60000", "6.00");
        // Warm the cache so the outage hits a trader whose views Redis was serving.
        ok(positions.handleRequest(Events.http("api/get-positions.json", trader.userId()), null));
        ok(dashboard.handleRequest(Events.http("api/get-dashboard.json", trader.userId()), null));
        double unavailableBefore = backends.metrics().total("CacheUnavailable");

        backends.redis().stop();
        try {
            JsonNode open = ok(positions.handleRequest(Events.http("api/get-positions.json", trader.userId()), null))
                    .path("positions");
            JsonNode d = ok(dashboard.handleRequest(Events.http("api/get-dashboard.json", trader.userId()), null));

            assertThat(texts(open, "positionId")).containsExactly("p-btc");
            assertThat(open.get(0).path("unrealizedPnl").asText()).isEqualTo("100.00");
            assertThat(open.get(0).path("marketValue").asText()).isEqualTo("6100.00");
            assertThat(d.path("openPositions").asInt()).isEqualTo(1);
            assertThat(d.path("cash").asText()).isEqualTo("3994.00");      // 10,000 − 6,000 − 6 fee
            assertThat(d.path("equity").asText()).isEqualTo("10094.00");   // cash + 6,100
            assertThat(d.path("exposure").asText()).isEqualTo("6100.00");
            assertThat(d.path("tier").asText()).isEqualTo("pro");
            assertThat(backends.metrics().total("CacheUnavailable")).isGreaterThan(unavailableBefore);
        } finally {
            backends.redis().start();
            awaitCacheBack(Duration.ofSeconds(10));
        }
    }

    /** Until the gateway talks to the restarted Redis again, so later tests run with a working cache. */
    private void awaitCacheBack(Duration timeout) {
        RedisGateway redis = backends.context().getBean(RedisGateway.class);
        Instant deadline = PlatformClock.system().instant().plus(timeout);
        while (redis.call(r -> r.ping()).isEmpty()) {
            if (PlatformClock.system().instant().isAfter(deadline)) throw new AssertionError("Redis did not come back within " + timeout);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for Redis", e);
            }
        }
    }
}
