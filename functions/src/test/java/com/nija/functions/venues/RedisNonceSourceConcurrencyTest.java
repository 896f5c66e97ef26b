package com.nija.functions.venues;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.MutableClock;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.venues.kraken.RedisNonceSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Kraken nonces against a real redis-server (the handler tests' {@link LocalBackends}): what Kraken needs is that
 * every request for a key carries a nonce above the last one it saw, from whichever function sends it. Each
 * simulated function has its own Redis connection, as each Lambda instance has.
 */
class RedisNonceSourceConcurrencyTest {
    private static final int FUNCTIONS = 8;
    private static final int NONCES_EACH = 250;
    private static final Instant NOW = Instant.parse("2031-06-16T12:00:00Z");
    private static final List<RedisGateway> CONNECTIONS = new ArrayList<>();

    @AfterAll
    static void closeConnections() {
        CONNECTIONS.forEach(RedisGateway::close);
    }

    @Test
    @DisplayName("functions asking at once get distinct nonces, rising within each, above one another function used")
    void concurrentFunctions() throws Exception {
        String apiKey = "nonce-concurrency-test-key";
        // Another function, its clock ten minutes ahead, has already signed with this key.
        long usedElsewhere = new RedisNonceSource(connection(), Clock.fixed(NOW.plus(Duration.ofMinutes(10)),
                ZoneOffset.UTC)).next(apiKey);
        Clock sameMillisecond = Clock.fixed(NOW, ZoneOffset.UTC); // every call asks at the same instant

        ExecutorService pool = Executors.newFixedThreadPool(FUNCTIONS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> runs = new ArrayList<>();
        for (int f = 0; f < FUNCTIONS; f++) {
            RedisNonceSource function = new RedisNonceSource(connection(), sameMillisecond);
            Callable<List<Long>> run = () -> {
                start.await();
                List<Long> nonces = new ArrayList<>();
                for (int i = 0; i < NONCES_EACH; i++) nonces.add(function.next(apiKey));
                return nonces;
            };
            runs.add(pool.submit(run));
        }
        start.countDown();
        List<List<Long>> perFunction = new ArrayList<>();
        for (Future<List<Long>> run : runs) perFunction.add(run.get());
        pool.shutdown();

        Set<Long> all = new HashSet<>();
        for (List<Long> nonces : perFunction) {
            assertThat(nonces).as("one function's nonces rise").isSorted().doesNotHaveDuplicates();
            all.addAll(nonces);
        }
        assertThat(all).as("no nonce given twice").hasSize(FUNCTIONS * NONCES_EACH);
        assertThat(all).as("all above the one another function used").allMatch(n -> n > usedElsewhere);
    }

    @Test
    @DisplayName("the nonce is the clock's milliseconds once the clock has passed the counter")
    void followsTheClock() {
        MutableClock clock = new MutableClock(NOW);
        RedisNonceSource nonces = new RedisNonceSource(connection(), clock);
        String apiKey = "nonce-clock-test-key";

        long first = nonces.next(apiKey);
        long second = nonces.next(apiKey);
        clock.advance(Duration.ofSeconds(5));
        long later = nonces.next(apiKey);

        assertThat(first).isEqualTo(NOW.toEpochMilli());
        assertThat(second).isEqualTo(first + 1);
        assertThat(later).isEqualTo(NOW.plusSeconds(5).toEpochMilli());
    }

    @Test
    @DisplayName("Redis holds the counter under a hash of the API key, never the key, and forgets it within days")
    void keyHashedAndExpiring() throws Exception {
        String apiKey = "nonce-privacy-test-key";
        RedisGateway redis = connection();

        new RedisNonceSource(redis, Clock.fixed(NOW, ZoneOffset.UTC)).next(apiKey);

        String hashed = "kraken:nonce:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        assertThat(redis.call(r -> r.keys("*" + apiKey + "*"))).hasValue(List.of());
        assertThat(redis.call(r -> r.get(hashed))).hasValue(Long.toString(NOW.toEpochMilli()));
        assertThat(redis.call(r -> r.ttl(hashed)).orElseThrow())
                .isBetween(Duration.ofDays(2).toSeconds(), Duration.ofDays(7).toSeconds());
    }

    /** A connection of its own, like one function instance's. */
    private static RedisGateway connection() {
        NijaConfig config = new NijaConfig();
        config.setRedisUrl(LocalBackends.get().redis().uri().toString());
        config.setRedisTimeoutMillis(2_000); // a loaded test machine, not the production budget
        RedisGateway redis = new RedisGateway(config);
        CONNECTIONS.add(redis);
        return redis;
    }
}
