package com.nija.local.gateway;

import io.netty.channel.ChannelPipeline;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the {@link HttpGateway} listens and what it puts into events. Start from {@link #defaults()} and change
 * fields with the {@code with…} methods.
 *
 * @param host               interface to bind; loopback by default so nothing outside the machine can call in
 * @param port               TCP port; 0 picks a free one ({@link HttpGateway#port()} tells which)
 * @param workerThreads      threads that run handlers (blocking calls are fine there); default 64
 * @param ioThreads          Netty event-loop threads (never run handlers)
 * @param maxBodyBytes       largest request body; API Gateway's limit is 10 MB
 * @param integrationTimeout how long a handler may take before the client gets 504; 29 s by default, the
 *                           Lambda integration timeout API Gateway is usually run with
 * @param shutdownTimeout    how long {@link HttpGateway#close()} waits for running handlers
 * @param accountId          {@code requestContext.accountId}
 * @param apiId              {@code requestContext.apiId}
 * @param pipelineCustomizer called for every new connection after the gateway's handlers are in place; add a
 *                           handler in front of the HTTP handler with
 *                           {@code pipeline.addBefore(HttpGateway.HTTP_HANDLER, name, handler)} (e.g. a WebSocket
 *                           upgrade at {@code /ws}); it sees each aggregated {@code FullHttpRequest} first
 * @param webSocketMaxDuration  WebSocket connections are closed after this long (API Gateway: 2 hours)
 * @param webSocketIdleTimeout  WebSocket connections that receive no frame for this long are closed (API Gateway:
 *                              10 minutes)
 */
public record GatewayOptions(
        String host,
        int port,
        int workerThreads,
        int ioThreads,
        int maxBodyBytes,
        Duration integrationTimeout,
        Duration shutdownTimeout,
        String accountId,
        String apiId,
        Consumer<ChannelPipeline> pipelineCustomizer,
        Duration webSocketMaxDuration,
        Duration webSocketIdleTimeout) {

    public static final int DEFAULT_WORKER_THREADS = 64;
    /** API Gateway's payload limit: 10 MB. */
    public static final int API_GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
    public static final Duration API_GATEWAY_INTEGRATION_TIMEOUT = Duration.ofSeconds(29);
    /** API Gateway WebSocket APIs close a connection after 2 hours whatever happens on it. */
    public static final Duration API_GATEWAY_WS_MAX_DURATION = Duration.ofHours(2);
    /** API Gateway WebSocket APIs close a connection that received nothing for 10 minutes. */
    public static final Duration API_GATEWAY_WS_IDLE_TIMEOUT = Duration.ofMinutes(10);

    public GatewayOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1: " + workerThreads);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative: " + maxBodyBytes);
        }
        requirePositive(integrationTimeout, "integrationTimeout");
        requirePositive(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(apiId, "apiId");
        pipelineCustomizer = pipelineCustomizer == null ? pipeline -> { } : pipelineCustomizer;
        requirePositive(webSocketMaxDuration, "webSocketMaxDuration");
        requirePositive(webSocketIdleTimeout, "webSocketIdleTimeout");
    }

    /** 127.0.0.1, a free port, 64 workers, 10 MB bodies, 29 s integration timeout. */
    public static GatewayOptions defaults() {
        return new GatewayOptions("127.0.0.1", 0, DEFAULT_WORKER_THREADS,
                Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())),
                API_GATEWAY_MAX_BODY_BYTES, API_GATEWAY_INTEGRATION_TIMEOUT, Duration.ofSeconds(10),
                "123456789012", "nijalocal", null, API_GATEWAY_WS_MAX_DURATION, API_GATEWAY_WS_IDLE_TIMEOUT);
    }

    public GatewayOptions withHost(String value) {
        return new GatewayOptions(value, port, workerThreads, ioThreads, maxBodyBytes, integrationTimeout,
                shutdownTimeout, accountId, apiId, pipelineCustomizer, webSocketMaxDuration, webSocketIdleTimeout);
    }

    public GatewayOptions withPort(int value) {
        return new GatewayOptions(host, value, workerThreads, ioThreads, maxBodyBytes, integrationTimeout,
                shutdownTimeout, accountId, apiId, pipelineCustomizer, webSocketMaxDuration, webSocketIdleTimeout);
    }

    public GatewayOptions withWorkerThreads(int value) {
        return new GatewayOptions(host, port, value, ioThreads, maxBodyBytes, integrationTimeout,
                shutdownTimeout, accountId, apiId, pipelineCustomizer, webSocketMaxDuration, webSocketIdleTimeout);
    }

    public GatewayOptions withIoThreads(int value) {
        return new GatewayOptions(host, port, workerThreads, value, maxBodyBytes, integrationTimeout,
                shutdownTimeout, accountId, apiId, pipelineCustomizer, webSocketMaxDuration, webSocketIdleTimeout);
    }

    public GatewayOptions withMaxBodyBytes(int value) {
        return new GatewayOptions(host, port, workerThreads, ioThreads, value, integrationTimeout,
                shutdownTimeout, accountId, apiId, pipelineCustomizer, webSocketMaxDuration, webSocketIdleTimeout);
    }

    public GatewayOptions withIntegrationTimeout(Duration value) {
        return new GatewayOptions(host, port, workerThreads, ioThreads, maxBodyBytes, value,
                shutdownTimeout, accountId, apiId, pipelineCustomizer, webSocketMaxDuration, webSocketIdleTimeout);
    }

    public GatewayOptions withShutdownTimeout(Duration value) {
        return new GatewayOptions(host, port, workerThreads, ioThreads, maxBodyBytes, integrationTimeout,
                value, accountId, apiId, pipelineCustomizer, webSocketMaxDuration, webSocketIdleTimeout);
    }

    public GatewayOptions withAccountId(String value) {
        return new GatewayOptions(host, port, workerThreads, ioThreads, maxBodyBytes, integrationTimeout,
                shutdownTimeout, value, apiId, pipelineCustomizer, webSocketMaxDuration, webSocketIdleTimeout);
    }

    public GatewayOptions withApiId(String value) {
        return new GatewayOptions(host, port, workerThreads, ioThreads, maxBodyBytes, integrationTimeout,
                shutdownTimeout, accountId, value, pipelineCustomizer, webSocketMaxDuration, webSocketIdleTimeout);
    }

    public GatewayOptions withPipelineCustomizer(Consumer<ChannelPipeline> value) {
        return new GatewayOptions(host, port, workerThreads, ioThreads, maxBodyBytes, integrationTimeout,
                shutdownTimeout, accountId, apiId, value, webSocketMaxDuration, webSocketIdleTimeout);
    }

    public GatewayOptions withWebSocketMaxDuration(Duration value) {
        return new GatewayOptions(host, port, workerThreads, ioThreads, maxBodyBytes, integrationTimeout,
                shutdownTimeout, accountId, apiId, pipelineCustomizer, value, webSocketIdleTimeout);
    }

    public GatewayOptions withWebSocketIdleTimeout(Duration value) {
        return new GatewayOptions(host, port, workerThreads, ioThreads, maxBodyBytes, integrationTimeout,
                shutdownTimeout, accountId, apiId, pipelineCustomizer, webSocketMaxDuration, value);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
