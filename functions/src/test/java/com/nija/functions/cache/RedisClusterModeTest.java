package com.nija.functions.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.nija.functions.support.LocalBackends;
import com.nija.local.services.FreePort;
import com.nija.local.services.RedisServerProcess;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.cache.UserCache;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.json.Json;
import com.nija.shared.market.PriceBook;
import com.nija.shared.observability.Telemetry;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Prod runs ElastiCache in cluster mode ({@code NIJA_REDIS_CLUSTER=true}): the same cache, prices and throttle against
 * a real redis-server started with {@code --cluster-enabled yes} and owning every slot, through the cluster client.
 */
class RedisClusterModeTest {
    static RedisServerProcess server;
    static ApplicationContext context;

    @BeforeAll
    static void startCluster() throws InterruptedException {
        int port = FreePort.find();
        server = new RedisServerProcess(port, List.of("--cluster-enabled", "yes",
                "--cluster-config-file", "nodes-" + port + ".conf")).start();
        RedisClient admin = RedisClient.create(server.uri().toString());
        try (StatefulRedisConnection<String, String> c = admin.connect()) {
            c.sync().clusterAddSlots(IntStream.range(0, 16384).toArray());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!c.sync().clusterInfo().contains("cluster_state:ok")) {
                if (System.nanoTime() > deadline) throw new AssertionError("one-node cluster never became ok");
                Thread.sleep(50);
            }
        } finally {
            admin.shutdown();
        }
        context = LocalBackends.get().newContext(Map.of("nija.redis-url", server.uri().toString(),
                "nija.redis-cluster", true));
    }

    @AfterAll
    static void stop() {
        if (context != null) context.close();
        if (server != null) server.close();
    }

    @Test
    @DisplayName("the gateway talks to the cluster through the cluster client")
    void clusterClient() {
        assertThat(context.getBean(RedisGateway.class).call(r -> r instanceof RedisAdvancedClusterCommands<?, ?>))
                .contains(true);
    }

    @Test
    @DisplayName("cache-aside works across the cluster: a hit after the first load, a miss after invalidation")
    void cacheAside() {
        UserCache cache = context.getBean(UserCache.class);
        JavaType type = Json.MAPPER.getTypeFactory().constructType(String.class);
        String user = "cluster-" + UUID.randomUUID();
        AtomicInteger loads = new AtomicInteger();

        for (int i = 0; i < 3; i++) {
            assertThat(cache.<String>getOrLoad(user, "view", Duration.ofMinutes(1), type,
                    () -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        }
        cache.invalidate(user);
        assertThat(cache.<String>getOrLoad(user, "view", Duration.ofMinutes(1), type, () -> "v" + loads.incrementAndGet()))
                .isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    @DisplayName("latest prices of markets in different slots come back in one call")
    void pricesAcrossSlots() {
        PriceBook prices = context.getBean(PriceBook.class);
        List<String> symbols = List.of("CLA-USD", "CLB-USD", "CLC-USD", "CLD-USD");
        for (int i = 0; i < symbols.size(); i++) prices.update(symbols.get(i), new BigDecimal(100 + i), PlatformClock.system().instant());

        double unavailable = LocalBackends.get().metrics().total("CacheUnavailable");
        Telemetry.begin();
        Map<String, BigDecimal> latest;
        try {
            latest = prices.latest(symbols);
        } finally {
            Telemetry.end("RedisClusterModeTest");
        }

        assertThat(latest).containsEntry("CLA-USD", new BigDecimal(100)).containsEntry("CLD-USD", new BigDecimal(103));
        // From Redis (a cross-slot MGET refused by the cluster would have been counted and read from DynamoDB).
        assertThat(LocalBackends.get().metrics().total("CacheUnavailable")).isEqualTo(unavailable);
    }
}
