package com.nija.shared.signals;

import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.ratelimit.Quota;
import com.nija.shared.ratelimit.Rate;
import com.nija.shared.ratelimit.RateLimitedException;
import com.nija.shared.ratelimit.RateLimiter;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Per-source limits on signal intake and price ingest: each authenticated source draws from a bucket of its own, so a
 * source that floods is refused with 429 while every other source is served as before. Only requests that
 * authenticated are counted: a forger naming a source cannot spend that source's allowance.
 *
 * <p>A source's limit is its own {@code rateLimitPerMinute}, else {@code nija.sources.rate-limit-per-minute}
 * (1,000 by default: a TradingView watchlist alert may fire up to 1,000 times in 3 minutes, all of them on one bar's
 * close). The whole minute's allowance may come at once. The platform's own strategies' signals do not come over HTTP
 * and are not counted ({@link SignalIntakeService#acceptFromPlatform}).
 */
@Singleton
public class SourceRateLimits {
    /** The problem type of a refusal: {@code https://nija.dev/problems/source-rate-limit}. */
    public static final String PROBLEM_TYPE = "source-rate-limit";
    public static final int MAX_PER_MINUTE = 1_000_000;

    private final RateLimiter limiter;
    private final int defaultPerMinute;

    public SourceRateLimits(RateLimiter limiter,
                            @Value("${nija.sources.rate-limit-per-minute:1000}") int defaultPerMinute) {
        if (defaultPerMinute < 1 || defaultPerMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("nija.sources.rate-limit-per-minute must be 1 to " + MAX_PER_MINUTE
                    + ", not " + defaultPerMinute);
        }
        this.limiter = limiter;
        this.defaultPerMinute = defaultPerMinute;
    }

    /**
     * Counts one request of {@code source}.
     *
     * @return the source's quota after it, for the response's headers
     * @throws RateLimitedException (429) the source has used its allowance; nothing of the request may be done
     */
    public Quota admit(VerifiedSource source) {
        int perMinute = perMinute(source.rateLimitPerMinute());
        Quota quota = limiter.acquire("src:" + source.sourceId(), Rate.perMinute(perMinute));
        if (!quota.allowed()) {
            long seconds = Math.max(1, (quota.retryAfter().toMillis() + 999) / 1000);
            throw new RateLimitedException(PROBLEM_TYPE, "source " + source.sourceId() + " sent more than its limit of "
                    + perMinute + " requests a minute; this request was not accepted. Retry in " + seconds
                    + " s, or ask an operator to raise the source's rateLimitPerMinute", quota);
        }
        return quota;
    }

    /** The limit that applies: the source's own, else the default. */
    public int perMinute(Integer own) {
        return own != null ? own : defaultPerMinute;
    }

    /** The violation of a limit an admin asked for, if it is not a whole number from 1 to {@value #MAX_PER_MINUTE}. */
    static Optional<InvalidInputException.Violation> check(Integer perMinute) {
        if (perMinute == null || (perMinute >= 1 && perMinute <= MAX_PER_MINUTE)) return Optional.empty();
        return Optional.of(new InvalidInputException.Violation("rateLimitPerMinute",
                "must be 1 to " + MAX_PER_MINUTE + " requests a minute, or left out for the default"));
    }
}
