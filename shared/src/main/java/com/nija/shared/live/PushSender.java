package com.nija.shared.live;

import com.nija.shared.config.Jitter;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * Posts one message to one connection through {@code PostToConnection}. Gone (410) is final; throttling (429),
 * server errors and I/O failures are retried {@code nija.live.push-attempts} times with doubling, jittered
 * backoff; other refusals (403, 413) are final failures. Never throws: the caller counts the outcome.
 */
@Singleton
public class PushSender {
    private static final Logger LOG = LoggerFactory.getLogger(PushSender.class);

    /** How a post ended and how many attempts it took. */
    public record Outcome(Status status, int attempts) {}

    public enum Status { SENT, GONE, FAILED }

    private final ManagementApiClients clients;
    private final int attempts;
    private final long backoffMillis;
    private final Jitter jitter;

    public PushSender(ManagementApiClients clients, LiveConfig config, Jitter jitter) {
        this.clients = clients;
        this.jitter = jitter;
        this.attempts = Math.max(1, config.getPushAttempts());
        this.backoffMillis = Math.max(0, config.getRetryBackoffMillis());
    }

    /** False when no callback URL is configured: nothing can be pushed from this function. */
    public boolean enabled() {
        return clients.enabled();
    }

    /**
     * @param endpoint the {@code @connections} endpoint of the API the connection is on; null for this region's
     */
    public Outcome post(@Nullable String endpoint, String connectionId, byte[] message) {
        ApiGatewayManagementApiClient client = clients.forEndpoint(endpoint).orElse(null);
        if (client == null) return new Outcome(Status.FAILED, 0);
        SdkBytes data = SdkBytes.fromByteArrayUnsafe(message);
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            try {
                client.postToConnection(r -> r.connectionId(connectionId).data(data));
                return new Outcome(Status.SENT, attempt);
            } catch (GoneException gone) {
                return new Outcome(Status.GONE, attempt);
            } catch (SdkServiceException e) {
                if (!retryable(e)) {
                    LOG.warn("push to {} refused with {}: {}", connectionId, e.statusCode(), e.getMessage());
                    return new Outcome(Status.FAILED, attempt);
                }
                failure = e;
            } catch (SdkClientException e) {
                failure = e;
            }
            if (attempt >= attempts) {
                LOG.warn("push to {} failed after {} attempts: {}", connectionId, attempt, failure.toString());
                return new Outcome(Status.FAILED, attempt);
            }
            if (!pause(attempt)) return new Outcome(Status.FAILED, attempt);
        }
    }

    static boolean retryable(@Nullable SdkServiceException e) {
        return e != null && (e.statusCode() == 429 || e.statusCode() >= 500 || e.isThrottlingException());
    }

    /** backoff × 2^(attempt-1), ±50% jitter; false when interrupted (stop retrying, keep the interrupt). */
    private boolean pause(int attempt) {
        long base = backoffMillis << Math.min(attempt - 1, 10);
        long delay = base == 0 ? 0 : base / 2 + jitter.upTo(base);
        try {
            TimeUnit.MILLISECONDS.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
