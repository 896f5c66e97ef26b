package com.nija.functions.cache;

import static com.nija.functions.support.ApiResponses.header;
import static com.nija.functions.support.ApiResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.settings.GetSettingsHandler;
import com.nija.functions.settings.PutSettingsHandler;
import com.nija.functions.trading.GetPositionsHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.account.BotState;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.trading.Side;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedisStallTest {
    private final LocalBackends backends = LocalBackends.get();
    /** The production budget (50 ms), which the shared test context relaxes. */
    private static final ApplicationContext BUDGET =
            LocalBackends.get().newContext(Map.of("nija.redis-timeout-millis", "50"));

    /** Another client makes Redis busy for 300 ms (as a slow command or a failover would). */
    private void redisStallsFor(double seconds) {
        try {
            java.net.Socket socket = new java.net.Socket("127.0.0.1", backends.redis().port());
            String arg = Double.toString(seconds);
            String cmd = "*3\r\n$5\r\nDEBUG\r\n$5\r\nSLEEP\r\n$" + arg.length() + "\r\n" + arg + "\r\n";
            socket.getOutputStream().write(cmd.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(20);
            new Thread(() -> { try { Thread.sleep(2000); socket.close(); } catch (Exception ignored) { } }).start();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("settings saved while Redis was briefly slow are shown after Redis recovers")
    void settingsAfterSlowRedis() throws Exception {
        TraderFixture trader = TraderFixture.newTrader().profile("pro", BotState.RUNNING, "10000.00");
        GetSettingsHandler get = new GetSettingsHandler(BUDGET);
        PutSettingsHandler put = new PutSettingsHandler(BUDGET);
        ok(get.handleRequest(Events.http("api/get-settings.json", trader.userId()), null)); // cached v0

        redisStallsFor(0.3);
        ok(get.handleRequest(Events.http("api/get-settings.json", trader.userId()), null)); // times out -> cool-down
        var saved = put.handleRequest(Events.http("api/put-settings.json", trader.userId()), null);
        assertThat(header(saved, "ETag")).isEqualTo("\"1\"");
        Thread.sleep(1000); // Redis healthy again, cool-down over

        var after = get.handleRequest(Events.http("api/get-settings.json", trader.userId()), null);
        assertThat(header(after, "ETag")).isEqualTo("\"1\"");
    }

    @Test
    @DisplayName("a price recorded while Redis was briefly slow is the one positions are valued at")
    void priceAfterSlowRedis() throws Exception {
        TraderFixture trader = TraderFixture.newTrader().price("BTC-USD", "60000");
        trader.openPosition("p-1", "BTC-USD", Side.LONG, "1", "60000", "60.00");
        GetPositionsHandler positions = new GetPositionsHandler(BUDGET);

        redisStallsFor(0.3);
        ok(positions.handleRequest(Events.http("api/get-positions.json", trader.userId()), null)); // cool-down
        trader.price("BTC-USD", "61000");
        Thread.sleep(1000);

        var body = ok(positions.handleRequest(Events.http("api/get-positions.json", trader.userId()), null));
        assertThat(body.path("positions").get(0).path("unrealizedPnl").asText()).isEqualTo("1000.00");
    }

    @Test
    @DisplayName("one reply over the budget falls through for its own request only; Redis is not skipped for it")
    void oneLateReplyDoesNotOpenTheCoolDown() throws Exception {
        RedisGateway redis = BUDGET.getBean(RedisGateway.class);
        redis.write(r -> r.setex("stall-test:key", 60, "v"));
        awaitNoCoolDown(redis);
        assertThat(eventually(redis)).contains("v");   // a success: no earlier late replies count towards a run
        double unavailableBefore = backends.metrics().total("CacheUnavailable");

        redisStallsFor(0.3);
        Telemetry.begin();
        assertThat(redis.call(r -> r.get("stall-test:key"))).isEmpty();   // over the 50 ms budget
        Telemetry.end("RedisStallTest");

        assertThat(redis.coolingDown()).isFalse();
        assertThat(backends.metrics().total("CacheUnavailable")).isEqualTo(unavailableBefore + 1);
        assertThat(eventually(redis)).contains("v");                        // the next reads use Redis again
    }

    @Test
    @DisplayName("a Redis that keeps missing the budget is skipped for the cool-down, then used again")
    void stalledRedisIsSkipped() throws Exception {
        RedisGateway redis = BUDGET.getBean(RedisGateway.class);
        redis.write(r -> r.setex("stall-test:key", 60, "v"));
        awaitNoCoolDown(redis);

        redisStallsFor(1.0);
        for (int i = 0; i < 3; i++) assertThat(redis.call(r -> r.get("stall-test:key"))).isEmpty();

        assertThat(redis.coolingDown()).isTrue();
        assertThat(redis.call(r -> r.get("stall-test:key"))).isEmpty();   // skipped, not sent
        assertThat(eventually(redis)).contains("v");                        // stall and cool-down over
    }

    /** The key's value once Redis answers again (within 5 s); empty if it never does. */
    private static java.util.Optional<String> eventually(RedisGateway redis) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        java.util.Optional<String> value = redis.call(r -> r.get("stall-test:key"));
        while (value.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            value = redis.call(r -> r.get("stall-test:key"));
        }
        return value;
    }

    /** An earlier test's stall may still hold the shared gateway in its cool-down. */
    private static void awaitNoCoolDown(RedisGateway redis) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (redis.coolingDown() && System.nanoTime() < deadline) Thread.sleep(20);
    }
}
