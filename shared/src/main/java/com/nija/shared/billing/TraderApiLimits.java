package com.nija.shared.billing;

import com.nija.shared.account.TierCatalog;
import com.nija.shared.brokers.TierInForce;
import com.nija.shared.ratelimit.Quota;
import com.nija.shared.ratelimit.Rate;
import com.nija.shared.ratelimit.RateLimitedException;
import com.nija.shared.ratelimit.RateLimiter;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-trader limits on the authenticated API: each trader draws from a bucket of their own holding their tier's
 * {@code apiCallsPerMinute} (billing's tier when they subscribe, else their profile's: {@link TierInForce}). Staff
 * routes (admin, finance) draw from a separate per-caller bucket of {@code nija.api.staff-rate-limit-per-minute}: an
 * operator on the free tier must still reach the kill switch, and the routes they use for trading are limited by
 * their tier as anyone's.
 *
 * <p>The tier is remembered per process for {@link #TIER_TTL}: asking billing costs two DynamoDB reads, and a request
 * otherwise pays only the limiter's one Redis round trip. A tier change therefore reaches the limit within a minute.
 * {@code nija.api.rate-limit-per-minute-override} replaces every trader's figure (local benchmarks, load tests), or
 * only that of the tiers {@code nija.api.rate-limit-override-tiers} lists (a load test that lifts everyone's limit but
 * one tier's, whose real limit it checks).
 */
@Singleton
public class TraderApiLimits {
    /** The problem type of a refusal: {@code https://nija.dev/problems/api-rate-limit}. */
    public static final String PROBLEM_TYPE = "api-rate-limit";
    static final Duration TIER_TTL = Duration.ofMinutes(1);
    /** Bound on remembered tiers; past it the memory starts over (a cold process asks again). */
    static final int MAX_REMEMBERED = 10_000;
    private static final int MAX_PER_MINUTE = 1_000_000;

    private final RateLimiter limiter;
    private final TierInForce tierInForce;
    private final TierCatalog catalog;
    private final Clock clock;
    private final int staffPerMinute;
    private final int overridePerMinute;
    private final Set<String> overrideTiers;
    private final boolean enabled;
    private final Map<String, Remembered> tiers = new ConcurrentHashMap<>();

    public TraderApiLimits(RateLimiter limiter, TierInForce tierInForce, TierCatalog catalog, Clock clock,
                           @Value("${nija.api.staff-rate-limit-per-minute:600}") int staffPerMinute,
                           @Value("${nija.api.rate-limit-per-minute-override:0}") int overridePerMinute,
                           @Value("${nija.api.rate-limit-override-tiers:}") List<String> overrideTiers,
                           @Value("${nija.api.rate-limits-enabled:true}") boolean enabled) {
        if (staffPerMinute < 1 || staffPerMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("nija.api.staff-rate-limit-per-minute must be 1 to " + MAX_PER_MINUTE
                    + ", not " + staffPerMinute);
        }
        if (overridePerMinute < 0 || overridePerMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("nija.api.rate-limit-per-minute-override must be 0 (by tier) to "
                    + MAX_PER_MINUTE + ", not " + overridePerMinute);
        }
        this.limiter = limiter;
        this.tierInForce = tierInForce;
        this.catalog = catalog;
        this.clock = clock;
        this.staffPerMinute = staffPerMinute;
        this.overridePerMinute = overridePerMinute;
        this.enabled = enabled;
        this.overrideTiers = overrideTiers == null ? Set.of() : overrideTiers.stream().map(String::trim)
                .filter(t -> !t.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * False only where {@code nija.api.rate-limits-enabled} is false: {@code bench read-api --limiter off} measures
     * a read without the limiter, to give the limiter's own cost. Nothing deployed sets it.
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Counts one API call of {@code userId}.
     *
     * @param staffRoute true for admin and finance routes, which have their own bucket
     * @return the caller's quota after it, for the response's headers
     * @throws RateLimitedException (429) the caller has used their allowance; nothing of the request may be done
     */
    public Quota admit(String userId, boolean staffRoute) {
        int perMinute = staffRoute ? staffPerMinute : perMinute(userId);
        // The hash tag keeps a trader's buckets in one cluster slot with the rest of their keys.
        Quota quota = limiter.acquire((staffRoute ? "staff:{" : "api:{") + userId + "}", Rate.perMinute(perMinute));
        if (!quota.allowed()) {
            long seconds = Math.max(1, (quota.retryAfter().toMillis() + 999) / 1000);
            throw new RateLimitedException(PROBLEM_TYPE, "more than " + perMinute + " API calls a minute"
                    + (staffRoute ? " on staff routes" : " (your plan's limit)") + "; this request was not done. "
                    + "Retry in " + seconds + " s" + (staffRoute ? "" : ", or move to a plan with a higher limit"),
                    quota);
        }
        return quota;
    }

    private int perMinute(String userId) {
        if (overridePerMinute > 0 && overrideTiers.isEmpty()) return overridePerMinute;
        String tier = tier(userId);
        if (overridePerMinute > 0 && overrideTiers.contains(tier)) return overridePerMinute;
        Integer limit = catalog.limits(tier).apiCallsPerMinute();
        // A tier configured without a figure gets the free tier's, never unlimited.
        if (limit == null || limit < 1) limit = catalog.limits(TierCatalog.DEFAULT_TIER).apiCallsPerMinute();
        return limit == null || limit < 1 ? 1 : Math.min(limit, MAX_PER_MINUTE);
    }

    private String tier(String userId) {
        Instant now = clock.instant();
        Remembered known = tiers.get(userId);
        if (known != null && now.isBefore(known.until()) && !now.isBefore(known.asked())) return known.tier();
        String tier = tierInForce.tier(userId);
        if (tiers.size() >= MAX_REMEMBERED) tiers.clear();
        tiers.put(userId, new Remembered(tier, now, now.plus(TIER_TTL)));
        return tier;
    }

    private record Remembered(String tier, Instant asked, Instant until) {}
}
