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
import com.nija.local.services.FreePort;
import com.nija.local.services.RedisServerProcess;
import com.nija.shared.account.BotState;
import com.nija.shared.trading.Side;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cache is an optimization: with Redis gone, reads come from DynamoDB and a metric counts it. The Redis this test
 * stops is its own (a context of its own on the shared dynalite), so no other test class ever sees the outage.
 */
class RedisDownTest {
    private static RedisServerProcess redis;
    private static ApplicationContext context;

    private final LocalBackends backends = LocalBackends.get();
    private final GetPositionsHandler positions = new GetPositionsHandler(context);
    private final GetDashboardHandler dashboard = new GetDashboardHandler(context);

    @BeforeAll
    static void redisOfItsOwn() {
        redis = new RedisServerProcess(FreePort.find()).start();
        context = LocalBackends.get().newContext(Map.of("nija.redis-url", redis.uri().toString()));
    }

    @AfterAll
    static void close() {
        context.close();
        redis.close();
    }

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

        redis.stop();

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
    }
}
