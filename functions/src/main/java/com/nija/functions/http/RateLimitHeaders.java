package com.nija.functions.http;

import com.nija.shared.ratelimit.Quota;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers that tell a client where it stands against a rate limit: {@code X-RateLimit-Limit} (requests per
 * period), {@code X-RateLimit-Remaining} (requests it may still make now), {@code X-RateLimit-Reset} (seconds until
 * the whole limit is available again) and, on a 429, {@code Retry-After} (seconds until the next request is
 * accepted). When the limiter could not count (Redis away) only the limit is sent: the rest is unknown.
 */
public final class RateLimitHeaders {
    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";

    private RateLimitHeaders() {}

    public static Map<String, String> of(Quota quota) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(LIMIT, Integer.toString(quota.limit()));
        if (quota.counted()) {
            headers.put(REMAINING, Long.toString(quota.remaining()));
            headers.put(RESET, Long.toString(seconds(quota.reset())));
        }
        // Never "0": a client told to retry at once would only be refused again.
        if (!quota.allowed()) headers.put(RETRY_AFTER, Long.toString(Math.max(1, seconds(quota.retryAfter()))));
        return headers;
    }

    /** Whole seconds, rounded up: a client that waits this long is never early. */
    private static long seconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }
}
