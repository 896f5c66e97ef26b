package com.nija.shared.venues;

import com.nija.shared.broker.BrokerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * The one HTTP transport every venue client uses: the JDK client with a per-request timeout, and transport failures
 * turned into what they mean for an order. A refused connection sent nothing ({@code NOT_PLACED}); a timeout or a
 * connection lost after the request went out may have placed it ({@code UNKNOWN}: look it up). Status codes are the
 * venue's to interpret: each client maps its own error bodies.
 */
public final class VenueHttp {
    /** Under the executor's per-message budget, so a slow venue leaves time to look the order up. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(4);

    private final HttpClient client;
    private final Duration timeout;

    public VenueHttp(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    public static VenueHttp standard() {
        return new VenueHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1).build(), DEFAULT_TIMEOUT);
    }

    public VenueResponse send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(timeout).build();
        try {
            HttpResponse<String> r = client.send(built, HttpResponse.BodyHandlers.ofString());
            return new VenueResponse(r.statusCode(), r.headers(), r.body());
        } catch (HttpTimeoutException e) {
            if (e instanceof java.net.http.HttpConnectTimeoutException) {
                throw new BrokerException(BrokerException.Kind.NOT_PLACED, "could not connect to " + built.uri().getHost());
            }
            throw new BrokerException(BrokerException.Kind.UNKNOWN, "no answer from " + built.uri().getHost()
                    + " within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw new BrokerException(BrokerException.Kind.NOT_PLACED, "could not connect to " + built.uri().getHost());
        } catch (IOException e) {
            throw new BrokerException(BrokerException.Kind.UNKNOWN, "connection to " + built.uri().getHost()
                    + " lost: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(BrokerException.Kind.UNKNOWN, "interrupted waiting for " + built.uri().getHost());
        }
    }

    /** A 429/418's {@code Retry-After} in seconds, or {@code fallback}. */
    public static Duration retryAfter(VenueResponse response, Duration fallback) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        try {
            return header.map(h -> Duration.ofSeconds(Math.max(1, Long.parseLong(h.trim())))).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
