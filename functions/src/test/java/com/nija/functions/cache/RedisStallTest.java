package com.nija.functions.cache;

import static com.nija.functions.support.ApiResponses.header;
import static com.nija.functions.support.ApiResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nija.functions.settings.GetSettingsHandler;
import com.nija.functions.settings.PutSettingsHandler;
import com.nija.functions.support.MutableClock;
import com.nija.functions.trading.GetPositionsHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.account.BotState;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.trading.Side;
import io.micronaut.context.ApplicationContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedisStallTest {
    private final LocalBackends backends = LocalBackends.get();
    /** The production budget (50 ms), which the shared test context relaxes. */
    private static final ApplicationContext BUDGET =
            LocalBackends.get().newContext(Map.of("nija.redis-timeout-millis", "50"));

    @AfterAll
    static void closeContext() {
        BUDGET.close();
    }

    /**
     * Another client makes Redis answer no one for {@code millis} (as a slow command or a failover would). Returns once
     * Redis has confirmed the pause, so the stall has begun before the test's next command.
     */
    private void redisStallsFor(long millis) {
        try (Socket socket = new Socket("127.0.0.1", backends.redis().port())) {
            socket.setSoTimeout(5_000);
            String arg = Long.toString(millis);
            String cmd = "*4\r\n$6\r\nCLIENT\r\n$5\r\nPAUSE\r\n$" + arg.length() + "\r\n" + arg + "\r\n$3\r\nALL\r\n";
            socket.getOutputStream().write(cmd.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(reply).as("Redis's answer to CLIENT PAUSE").isEqualTo("+OK");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Until Redis answers again and the gateway uses it again (its cool-down over). */
    private static void awaitRedisBack(RedisGateway redis) {
        await("Redis answering and the cool-down over").atMost(Duration.ofSeconds(10))
                .until(() -> !redis.coolingDown() && redis.call(r -> r.ping()).isPresent());
    }

    @Test
    @DisplayName("settings saved while Redis was briefly slow are shown after Redis recovers")
    void settingsAfterSlowRedis() {
        TraderFixture trader = TraderFixture.newTrader().profile("pro", BotState.RUNNING, "10000.00");
        GetSettingsHandler get = new GetSettingsHandler(BUDGET);
        PutSettingsHandler put = new PutSettingsHandler(BUDGET);
        ok(get.handleRequest(Events.http("api/get-settings.json", trader.userId()), null)); // cached v0

        redisStallsFor(300);
        ok(get.handleRequest(Events.http("api/get-settings.json", trader.userId()), null)); // over the budget
        var saved = put.handleRequest(Events.http("api/put-settings.json", trader.userId()), null);
        assertThat(header(saved, "ETag")).isEqualTo("\"1\"");
        awaitRedisBack(BUDGET.getBean(RedisGateway.class));

        var after = get.handleRequest(Events.http("api/get-settings.json", trader.userId()), null);
        assertThat(header(after, "ETag")).isEqualTo("\"1\"");
    }

    @Test
    @DisplayName("a price recorded while Redis was briefly slow is the one positions are valued at")
    void priceAfterSlowRedis() {
        TraderFixture trader = TraderFixture.newTrader().price("BTC-USD", "60000");
        trader.openPosition("p-1", "BTC-USD", Side.LONG, "1", "60000", "60.00");
        // The read views keep a price 500 ms in process; a clock of its own moves past that without waiting.
        MutableClock clock = new MutableClock(PlatformClock.system().instant());
        try (ApplicationContext budget = LocalBackends.get().newContext(Map.of("nija.redis-timeout-millis", "50"), clock)) {
            GetPositionsHandler positions = new GetPositionsHandler(budget);

            redisStallsFor(300);
            ok(positions.handleRequest(Events.http("api/get-positions.json", trader.userId()), null)); // over the budget
            trader.price("BTC-USD", "61000");
            awaitRedisBack(budget.getBean(RedisGateway.class));
            clock.advance(Duration.ofSeconds(1));

            var body = ok(positions.handleRequest(Events.http("api/get-positions.json", trader.userId()), null));
            assertThat(body.path("positions").get(0).path("unrealizedPnl").asText()).isEqualTo("1000.00");
        }
    }

    @Test
    @DisplayName("one reply over the budget falls through for its own request only; Redis is not skipped for it")
    void oneLateReplyDoesNotOpenTheCoolDown() {
        RedisGateway redis = BUDGET.getBean(RedisGateway.class);
        redis.write(r -> r.setex("stall-test:key", 60, "v"));
        awaitRedisBack(redis);   // a success: no earlier late replies count towards a run
        double unavailableBefore = backends.metrics().total("CacheUnavailable");

        redisStallsFor(300);
        Telemetry.begin();
        assertThat(redis.call(r -> r.get("stall-test:key"))).isEmpty();   // over the 50 ms budget
        Telemetry.end("RedisStallTest");

        assertThat(redis.coolingDown()).isFalse();
        assertThat(backends.metrics().total("CacheUnavailable")).isEqualTo(unavailableBefore + 1);
        awaitRedisBack(redis);
        assertThat(redis.call(r -> r.get("stall-test:key"))).contains("v");   // the next reads use Redis again
    }

    @Test
    @DisplayName("a Redis that keeps missing the budget is skipped for the cool-down, then used again")
    void stalledRedisIsSkipped() {
        RedisGateway redis = BUDGET.getBean(RedisGateway.class);
        redis.write(r -> r.setex("stall-test:key", 60, "v"));
        awaitRedisBack(redis);

        redisStallsFor(2_000);   // three 50 ms budgets fit in it many times over
        for (int i = 0; i < 3; i++) assertThat(redis.call(r -> r.get("stall-test:key"))).isEmpty();

        assertThat(redis.coolingDown()).isTrue();
        assertThat(redis.call(r -> r.get("stall-test:key"))).isEmpty();   // skipped, not sent
        awaitRedisBack(redis);
        assertThat(redis.call(r -> r.get("stall-test:key"))).contains("v");   // stall and cool-down over
    }
}
