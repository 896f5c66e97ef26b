package com.nija.shared.ratelimit;

import java.time.Duration;

/**
 * The limiter's answer for one request, with what the caller may still do: the figures behind
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} and {@code Retry-After}.
 *
 * @param limit      requests per period (the bucket's size)
 * @param allowed    whether this request may proceed
 * @param counted    false when Redis could not be asked and the request was let through (fail open): then
 *                   {@code remaining} and {@code reset} are unknown and not reported
 * @param remaining  requests that would be allowed right now after this one
 * @param reset      until the bucket is full again (the whole limit available)
 * @param retryAfter for a refused request, until the next one would be allowed; zero otherwise
 */
public record Quota(int limit, boolean allowed, boolean counted, long remaining, Duration reset, Duration retryAfter) {

    /** Let through without counting: Redis unavailable or not configured. */
    static Quota uncounted(Rate rate) {
        return new Quota(rate.requests(), true, false, 0, Duration.ZERO, Duration.ZERO);
    }
}
