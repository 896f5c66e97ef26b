package com.nija.shared.marketdata;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GETs of venues' public market-data endpoints over the JDK client. A 429 (or Binance's 418, "you kept going after
 * 429") is waited out: the venue's {@code Retry-After} when it gives one, else doubling from one second, at most
 * {@code maxRetries} times and never longer than {@code maxWait} at once; then {@link MarketDataRateLimitedException}.
 * Reads are idempotent, so retrying them is safe.
 */
public final class PublicMarketHttp {
    /** How the client waits between attempts; tests record the waits instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** Answer of a GET: status and body. */
    public record Answer(int status, String body) {}

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final HttpClient client;
    private final Duration timeout;
    private final int maxRetries;
    private final Duration maxWait;
    private final Pause pause;

    public PublicMarketHttp(HttpClient client, Duration timeout, int maxRetries, Duration maxWait, Pause pause) {
        this.client = client;
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.maxWait = maxWait;
        this.pause = pause;
    }

    /** Three retries, at most 10 s each: the ingest runs every minute, so a longer wait would overlap the next run. */
    public static PublicMarketHttp standard() {
        return new PublicMarketHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                Duration.ofSeconds(5), 3, Duration.ofSeconds(10), d -> Thread.sleep(d.toMillis()));
    }

    public Answer get(URI uri) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = send(uri);
            int status = response.statusCode();
            if (status != 429 && status != 418) return new Answer(status, response.body());
            Duration wait = retryAfter(response).orElse(backoff);
            if (attempt >= maxRetries || wait.compareTo(maxWait) > 0) {
                throw new MarketDataRateLimitedException(uri.getHost() + " is rate limiting market data (HTTP "
                        + status + ")", wait);
            }
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MarketDataException("interrupted while backing off from " + uri.getHost());
            }
            backoff = backoff.multipliedBy(2);
        }
    }

    private HttpResponse<String> send(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new MarketDataException("market data from " + uri.getHost() + " unavailable: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketDataException("interrupted waiting for " + uri.getHost());
        }
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(value.trim()))));
            } catch (NumberFormatException | ArithmeticException e) {
                return java.util.Optional.empty();
            }
        });
    }
}
