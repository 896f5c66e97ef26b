package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.Api;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.DedicatedPlatform;
import com.nija.it.support.PlatformTest;
import com.nija.local.platform.LocalPlatform;
import com.nija.local.services.RedisServerProcess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cache is an optimisation: with Redis gone every read still answers, from DynamoDB, with the same data. The
 * platform whose Redis stops is one of its own, seeded like the demo, so no other test class sees the outage.
 */
@PlatformTest
@DisplayName("Redis stops in the middle of the day")
class RedisOutageIT {
    private static final List<String> READS = List.of("/api/v1/positions", "/api/v1/positions?status=open",
            "/api/v1/dashboard", "/api/v1/performance?period=30d", "/api/v1/performance?period=90d",
            "/api/v1/trades?limit=25", "/api/v1/settings");
    private static final Duration RECOVERY = Duration.ofSeconds(5);

    private static DedicatedPlatform dedicated;
    private static String token;
    private static Api api;

    @BeforeAll
    static void platformOfItsOwn(ApiTarget shared) {
        dedicated = DedicatedPlatform.start(shared, "stopping Redis", Map.of(), true);
        token = dedicated.platform().tokens().issue(LocalPlatform.DEMO_TRADER, List.of(), Duration.ofHours(1));
        api = dedicated.api();
    }

    @AfterAll
    static void stop() {
        if (dedicated != null) dedicated.close();
    }

    @Test
    @DisplayName("positions, dashboard, performance, trades and settings still answer 200 with the same data; "
            + "health says degraded, then ok again once Redis is back")
    void readsSurviveRedisStopping() throws InterruptedException {
        LocalPlatform platform = dedicated.platform();
        RedisServerProcess redis = platform.redis();
        assumeTrue(redis != null, "Skipped: NIJA_REDIS_URL points the platform at an external Redis this test "
                + "must not stop");
        Map<String, JsonNode> before = readAll();
        readAll(); // the second round is served from the cache
        double unavailable = platform.metrics().total("CacheUnavailable");

        redis.stop();
        try {
            Map<String, JsonNode> during = readAll();

            assertThat(during).containsExactlyEntriesOf(before);
            JsonNode health = api.get("/health", null).ok();
            assertThat(health.path("status").asText()).isEqualTo("degraded");
            assertThat(health.path("checks").path("redis").asText()).isEqualTo("down");
            assertThat(health.path("checks").path("dynamodb").asText()).isEqualTo("up");
            assertThat(platform.metrics().total("CacheUnavailable")).isGreaterThan(unavailable);
        } finally {
            redis.start();
        }

        JsonNode health = awaitHealthOk();
        assertThat(health.path("checks").path("redis").asText()).isEqualTo("up");
        assertThat(readAll()).containsExactlyEntriesOf(before);
    }

    private Map<String, JsonNode> readAll() {
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        for (String read : READS) bodies.put(read, api.get(read, token).ok());
        return bodies;
    }

    private JsonNode awaitHealthOk() throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        JsonNode health;
        do {
            health = api.get("/health", null).ok();
            if ("ok".equals(health.path("status").asText())) return health;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("health still " + health + " " + RECOVERY.toSeconds() + " s after Redis restarted");
    }
}
