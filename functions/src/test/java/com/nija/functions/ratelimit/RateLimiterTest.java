package com.nija.functions.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.MutableClock;
import com.nija.local.services.FreePort;
import com.nija.local.services.RedisServerProcess;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.ratelimit.Quota;
import com.nija.shared.ratelimit.Rate;
import com.nija.shared.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The token bucket against a real redis-server of this class's own, with a clock the test moves: bursts up to the
 * limit, refills at the limit's pace and never beyond it, and the figures behind the rate-limit headers.
 */
class RateLimiterTest {
    private static final Rate SIX_A_MINUTE = Rate.perMinute(6); // one every 10 s
    private static RedisServerProcess redis;
    private static RedisGateway gateway;

    private final MutableClock clock = new MutableClock(PlatformClock.system().instant());
    private final RateLimiter limiter = new RateLimiter(gateway, clock);
    private final String key = "test:" + UUID.randomUUID();

    @BeforeAll
    static void redisOfItsOwn() {
        redis = new RedisServerProcess(FreePort.find()).start();
        gateway = new RedisGateway(config(redis));
    }

    @AfterAll
    static void close() {
        gateway.close();
        redis.close();
    }

    /** A generous command timeout: these tests check the bucket, not the 50 ms budget on a busy machine. */
    private static NijaConfig config(RedisServerProcess server) {
        NijaConfig config = new NijaConfig();
        config.setRedisUrl(server.uri().toString());
        config.setRedisTimeoutMillis(2_000);
        return config;
    }

    private List<Quota> take(int n) {
        List<Quota> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(limiter.acquire(key, SIX_A_MINUTE));
        return out;
    }

    @Test
    @DisplayName("a fresh key may burst to its whole limit at one instant; the next request is refused")
    void burstToTheLimit() {
        List<Quota> burst = take(6);

        assertThat(burst).allMatch(Quota::allowed).allMatch(Quota::counted);
        assertThat(burst).extracting(Quota::remaining).containsExactly(5L, 4L, 3L, 2L, 1L, 0L);
        assertThat(burst).extracting(Quota::limit).containsOnly(6);
        Quota refused = limiter.acquire(key, SIX_A_MINUTE);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("the bucket refills at the limit's pace: one request per 10 s at 6 a minute, not a moment sooner")
    void refillsAtThePace() {
        take(6);

        clock.advance(Duration.ofSeconds(10).minusMillis(1));
        Quota early = limiter.acquire(key, SIX_A_MINUTE);
        clock.advance(Duration.ofMillis(1));
        Quota onTime = limiter.acquire(key, SIX_A_MINUTE);
        Quota again = limiter.acquire(key, SIX_A_MINUTE);

        assertThat(early.allowed()).as("1 ms before a token is due").isFalse();
        assertThat(early.retryAfter()).isEqualTo(Duration.ofMillis(1));
        assertThat(onTime.allowed()).as("when it is due").isTrue();
        assertThat(again.allowed()).as("the token it refilled is spent").isFalse();
    }

    @Test
    @DisplayName("a key quiet for far longer than the period gets back its limit, and no more")
    void refillStopsAtTheLimit() {
        take(7);

        clock.advance(Duration.ofHours(3));
        List<Quota> burst = take(7);

        assertThat(burst.subList(0, 6)).allMatch(Quota::allowed);
        assertThat(burst.get(0).remaining()).isEqualTo(5);
        assertThat(burst.get(6).allowed()).isFalse();
    }

    @Test
    @DisplayName("reset counts down to when the whole limit is back: 4 used at 6 a minute is 40 s away")
    void resetHeaderFigure() {
        Quota first = limiter.acquire(key, SIX_A_MINUTE);
        take(2);
        Quota fourth = limiter.acquire(key, SIX_A_MINUTE);
        clock.advance(Duration.ofSeconds(5)); // half a token back: not yet a whole one

        Quota later = limiter.acquire(key, SIX_A_MINUTE);
        clock.advance(Duration.ofSeconds(15));
        Quota afterPause = limiter.acquire(key, SIX_A_MINUTE);

        assertThat(first.reset()).isEqualTo(Duration.ofSeconds(10));
        assertThat(fourth.reset()).isEqualTo(Duration.ofSeconds(40));
        // 4 used, then 0.5 refilled, then the 5th: 4.5 tokens short of full, 45 s at one per 10 s
        assertThat(later.reset()).isEqualTo(Duration.ofSeconds(45));
        assertThat(later.remaining()).isEqualTo(1);
        // 15 s later 1.5 more are back and the 6th used one: 4 short, 40 s
        assertThat(afterPause.reset()).isEqualTo(Duration.ofSeconds(40));
        assertThat(afterPause.remaining()).isEqualTo(2);
    }

    @Test
    @DisplayName("a clock behind the last request (another function's, a moment ago) refills nothing and mints no tokens")
    void clockBehindRefillsNothing() {
        take(6);

        clock.advance(Duration.ofSeconds(-30));
        Quota behind = limiter.acquire(key, SIX_A_MINUTE);
        clock.advance(Duration.ofSeconds(40)); // 10 s after the burst: exactly one token back

        List<Quota> after = take(2);

        assertThat(behind.allowed()).isFalse();
        assertThat(after).extracting(Quota::allowed).containsExactly(true, false);
    }

    @Test
    @DisplayName("one key's exhausted bucket leaves every other key's whole limit")
    void keysAreIndependent() {
        take(7);
        String other = "test:" + UUID.randomUUID();

        Quota quota = limiter.acquire(other, SIX_A_MINUTE);

        assertThat(quota.allowed()).isTrue();
        assertThat(quota.remaining()).isEqualTo(5);
    }

    @Test
    @DisplayName("a raised limit applies at once to a bucket in use: the tokens left stay, the ceiling and pace rise")
    void limitRaisedInUse() {
        take(6);
        Rate twelve = Rate.perMinute(12); // one every 5 s

        Quota stillEmpty = limiter.acquire(key, twelve);
        clock.advance(Duration.ofSeconds(5));
        Quota refilled = limiter.acquire(key, twelve);

        assertThat(stillEmpty.allowed()).isFalse();
        assertThat(stillEmpty.limit()).isEqualTo(12);
        assertThat(refilled.allowed()).isTrue();
    }

    @Test
    @DisplayName("with Redis stopped every request is let through, uncounted, and the outage is counted as a metric")
    void failsOpenWhenRedisIsDown() {
        RedisServerProcess own = new RedisServerProcess(FreePort.find()).start();
        RedisGateway downGateway = new RedisGateway(config(own));
        RateLimiter down = new RateLimiter(downGateway, clock);
        var metrics = LocalBackends.get().metrics();
        try {
            for (int i = 0; i < 6; i++) down.acquire(key, SIX_A_MINUTE); // used up while Redis was there
            assertThat(down.acquire(key, SIX_A_MINUTE).allowed()).isFalse();
            double before = metrics.total("RateLimitUnavailable");
            own.stop();

            Telemetry.begin();
            List<Quota> during = new ArrayList<>();
            for (int i = 0; i < 3; i++) during.add(down.acquire(key, SIX_A_MINUTE));
            Telemetry.end("RateLimiterTest");

            assertThat(during).allMatch(Quota::allowed).noneMatch(Quota::counted);
            assertThat(during).extracting(Quota::limit).containsOnly(6);
            assertThat(metrics.total("RateLimitUnavailable")).isEqualTo(before + 3);
        } finally {
            downGateway.close();
            own.close();
        }
    }

    @Test
    @DisplayName("a rate the bucket cannot count exactly, or that allows nothing, is refused when it is made")
    void impossibleRates() {
        assertThatThrownBy(() -> Rate.perMinute(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(1_000_000_000, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Rate.perMinute(1_000_000).requests()).isEqualTo(1_000_000);
    }
}
