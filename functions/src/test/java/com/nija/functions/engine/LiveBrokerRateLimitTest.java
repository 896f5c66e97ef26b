package com.nija.functions.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.functions.support.Books;
import com.nija.functions.support.LiveTrading;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.local.services.FreePort;
import com.nija.local.services.RedisServerProcess;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.engine.ExecutionResult;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.TradingEngine;
import com.nija.shared.livebroker.VenueRateLimitConfig;
import com.nija.shared.livebroker.VenueRateLimiter;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.testing.ScriptedExchange;
import com.nija.shared.venues.Venue;
import io.lettuce.core.RedisClient;
import io.micronaut.context.ApplicationContext;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The per-key rate limit every function shares: a token bucket in Redis, one round trip per call, keyed by a hash of
 * venue and key id; exhausted means not placed (retried later, never a second order); a venue's 429 blocks the key for
 * every function; with Redis gone the limiter lets calls through and counts it. The Redis here is this class's own, so
 * its command counts and its outage are nobody else's.
 */
class LiveBrokerRateLimitTest {
    private static final Pattern CALLS = Pattern.compile("cmdstat_([a-z|]+):calls=(\\d+)");

    private RedisServerProcess redis;
    private final List<RedisGateway> gateways = new ArrayList<>();
    private LiveTrading live;
    private TraderFixture trader;

    @BeforeEach
    void redisOfItsOwn() {
        redis = new RedisServerProcess(FreePort.find()).start();
        live = LiveTrading.start();
        trader = live.trader();
        live.goLive(trader, Venue.KRAKEN);
    }

    @AfterEach
    void close() {
        gateways.forEach(RedisGateway::close);
        redis.close();
    }

    /** A limiter of its own (its own connection), as another function instance would have, on this class's Redis. */
    private VenueRateLimiter limiter(String krakenBucket) {
        NijaConfig config = new NijaConfig();
        config.setRedisUrl(redis.uri().toString());
        config.setRedisTimeoutMillis(1000);
        RedisGateway gateway = new RedisGateway(config);
        gateways.add(gateway);
        VenueRateLimitConfig buckets = new VenueRateLimitConfig();
        buckets.setKraken(krakenBucket);
        return new VenueRateLimiter(gateway, buckets, live.clock());
    }

    private TradingEngine engine(VenueRateLimiter limiter) {
        return live.limiter(limiter).engine();
    }

    private OrderRequest buy() {
        return TestSignals.buy(live.symbol()).usd("300").forTrader(trader.userId());
    }

    @Test
    @DisplayName("each call takes its token in one round trip to Redis (one script), keyed without the key id in clear")
    void oneRoundTripPerCall() {
        VenueRateLimiter limiter = limiter("100/1s");
        String keyId = LiveTrading.keyId(trader, Venue.KRAKEN);
        limiter.acquire(Venue.KRAKEN, keyId); // connects (HELLO and the like), then counts start from zero
        try (RedisClient client = RedisClient.create(redis.uri().toString());
             StatefulRedisConnection<String, String> side = client.connect()) {
            side.sync().configResetstat();

            for (int i = 0; i < 5; i++) limiter.acquire(Venue.KRAKEN, keyId);

            List<String> keys = side.sync().keys("*");
            Map<String, Long> calls = new TreeMap<>();
            Matcher m = CALLS.matcher(side.sync().info("commandstats"));
            while (m.find()) calls.put(m.group(1), Long.parseLong(m.group(2)));
            calls.keySet().removeAll(List.of("info", "config", "keys")); // this test's own reads
            // Redis counts the commands a script runs too: five EVALs sent, and inside each one read and two writes.
            assertThat(calls).isEqualTo(Map.of("eval", 5L, "hmget", 5L, "hset", 5L, "pexpire", 5L));
            assertThat(keys).singleElement().satisfies(k -> assertThat(k).startsWith("vrl:kraken:").doesNotContain(keyId)
                    .doesNotContain(trader.userId()));
        }
    }

    @Test
    @DisplayName("two engine instances share one bucket per key: when it is empty the order is not placed, retried later, placed once")
    void bucketSharedAcrossInstances() {
        // Three tokens: the buy's order, then the exit's balance read and its order.
        TradingEngine first = engine(limiter("3/60s"));
        TradingEngine second = engine(limiter("3/60s"));
        ScriptedExchange kraken = live.exchange(Venue.KRAKEN);
        OrderRequest rebuy = buy();

        first.execute(buy(), false, false);
        second.execute(TestSignals.exit(live.symbol()).forTrader(trader.userId()), false, false);
        ExecutionResult exhausted = first.execute(rebuy, false, false);
        int callsWhileExhausted = kraken.keyedCalls();
        live.clock().advance(Duration.ofSeconds(61));
        ExecutionResult later = second.execute(rebuy, true, false);

        assertThat(exhausted.retry()).isTrue();
        assertThat(exhausted.order().status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(exhausted.note()).contains("rate limit of kraken key").contains("reached");
        assertThat(callsWhileExhausted).as("buy and exit only").isEqualTo(2);
        assertThat(later.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(kraken.orders()).isEqualTo(3);
        assertThat(kraken.placements()).filteredOn(p -> p.orderId().equals(rebuy.orderId())).hasSize(1);
    }

    @Test
    @DisplayName("a venue's 429 blocks the key for the time it asked, in every instance; then the order is placed once")
    void backOffAfterTooManyRequests() {
        TradingEngine first = engine(limiter("100/1s"));
        TradingEngine second = engine(limiter("100/1s"));
        ScriptedExchange kraken = live.exchange(Venue.KRAKEN).next(new ScriptedExchange.RateLimits(Duration.ofSeconds(120)));
        OrderRequest request = buy();

        ExecutionResult limited = first.execute(request, false, false);
        live.clock().advance(Duration.ofSeconds(31));
        ExecutionResult duringBackOff = second.execute(request, true, false);
        int callsDuringBackOff = kraken.keyedCalls();
        live.clock().advance(Duration.ofSeconds(90));
        ExecutionResult after = second.execute(request, true, false);

        assertThat(limited.retry()).isTrue();
        assertThat(duringBackOff.retry()).isTrue();
        assertThat(callsDuringBackOff).as("only the call the venue refused").isEqualTo(1);
        assertThat(after.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(kraken.orders()).isEqualTo(1);
        assertThat(kraken.placeCalls()).isEqualTo(2);
    }

    @Test
    @DisplayName("with Redis gone the limiter lets calls through and counts it; the venue's own limit still answers, and the order is placed once")
    void redisDownFailsOpen() {
        TradingEngine engine = engine(limiter("1/60s"));
        ScriptedExchange kraken = live.exchange(Venue.KRAKEN).next(new ScriptedExchange.RateLimits(Duration.ofSeconds(5)));
        String metric = "VenueRateLimiterUnavailable{venue=kraken}";
        double before = LocalBackends.get().metrics().total(metric);
        OrderRequest request = buy();
        redis.stop();

        Telemetry.begin();
        ExecutionResult limitedByVenue;
        ExecutionResult placed;
        try {
            limitedByVenue = engine.execute(request, false, false);
            live.clock().advance(Duration.ofSeconds(61));
            placed = engine.execute(request, true, false);
        } finally {
            Telemetry.end("LiveBrokerRateLimitTest");
        }

        assertThat(limitedByVenue.retry()).isTrue();
        assertThat(placed.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(kraken.orders()).isEqualTo(1);
        assertThat(kraken.placeCalls()).isEqualTo(2);
        assertThat(LocalBackends.get().metrics().total(metric)).isGreaterThan(before);
        assertThat(Books.of(trader.userId()).trades()).hasSize(1);
    }

    @Test
    @DisplayName("bucket sizes come from configuration per venue (NIJA_VENUE_RATE_LIMIT_<VENUE>); a malformed one stops the function at start")
    void bucketsFromConfiguration() {
        VenueRateLimitConfig.Bucket kraken;
        VenueRateLimitConfig.Bucket okx;
        try (ApplicationContext configured = LocalBackends.get().newContext(
                Map.of("nija.venue-rate-limit.kraken", "20/20s"))) {
            kraken = configured.getBean(VenueRateLimitConfig.class).bucket(Venue.KRAKEN);
            okx = configured.getBean(VenueRateLimitConfig.class).bucket(Venue.OKX);
        }

        assertThat(kraken).isEqualTo(new VenueRateLimitConfig.Bucket(20, Duration.ofSeconds(20)));
        assertThat(okx).as("documented default").isEqualTo(new VenueRateLimitConfig.Bucket(60, Duration.ofSeconds(2)));
        try (ApplicationContext malformed = LocalBackends.get().newContext(
                Map.of("nija.venue-rate-limit.kraken", "twenty"))) {
            assertThatThrownBy(() -> malformed.getBean(VenueRateLimitConfig.class))
                    .hasStackTraceContaining("a venue rate limit is <tokens>/<period>");
        }
    }

    @Test
    @DisplayName("an empty bucket answers how long until its next token")
    void waitUntilNextToken() {
        VenueRateLimiter limiter = limiter("3/60s");

        List<Optional<Duration>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) answers.add(limiter.acquire(Venue.KRAKEN, "some-key"));
        live.clock().advance(Duration.ofSeconds(20));
        Optional<Duration> refilled = limiter.acquire(Venue.KRAKEN, "some-key");

        assertThat(answers.subList(0, 3)).allMatch(Optional::isEmpty);
        assertThat(answers.get(3)).hasValue(Duration.ofSeconds(20));
        assertThat(refilled).isEmpty();
    }
}
