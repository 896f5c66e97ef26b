package com.nija.shared.live;

import com.nija.shared.config.NijaConfig;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The {@code @connections} clients a function pushes through. Each connection is addressed at the WebSocket API
 * it is connected to: a trader connected in us-west-2 must be pushed to through us-west-2's endpoint even when the
 * fill happened in us-east-1 (the connection id means nothing to another region's API, which would answer Gone).
 * The function's own region's client ({@code nija.live.callback-url}) is built at init, for SnapStart; clients for
 * other endpoints on first use. The SDK's own retries are off: {@link PushSender} retries, counts and backs off
 * itself, and must never retry a Gone connection.
 */
@Singleton
public class ManagementApiClients {
    private static final Pattern EXECUTE_API = Pattern.compile("[a-z0-9]+\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com");

    private final String ownEndpoint;
    private final String ownRegion;
    private final ApiGatewayManagementApiClient own;
    private final Map<String, ApiGatewayManagementApiClient> others = new ConcurrentHashMap<>();

    public ManagementApiClients(LiveConfig live, NijaConfig config) {
        this.ownEndpoint = live.getCallbackUrl();
        this.ownRegion = config.getRegion();
        this.own = ownEndpoint == null ? null : build(ownEndpoint);
    }

    /** False when this function has no callback URL: it pushes nothing. */
    public boolean enabled() {
        return own != null;
    }

    /** The client for a connection's endpoint; this region's client when the connection names none (or this one). */
    public Optional<ApiGatewayManagementApiClient> forEndpoint(@Nullable String endpoint) {
        if (own == null) return Optional.empty();
        if (endpoint == null || endpoint.equals(ownEndpoint)) return Optional.of(own);
        return Optional.of(others.computeIfAbsent(endpoint, this::build));
    }

    private ApiGatewayManagementApiClient build(String endpoint) {
        URI uri = URI.create(endpoint);
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(uri)
                .region(Region.of(regionOf(uri).orElse(ownRegion)))
                .credentialsProvider(isLoopback(uri)
                        // The local gateway accepts any signature; never hand it a developer's real credentials.
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                        : DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(2)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(3))
                        .build())
                .build();
    }

    /** The region of an execute-api endpoint ({@code <api>.execute-api.<region>.amazonaws.com}); requests are signed for it. */
    static Optional<String> regionOf(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null) return Optional.empty();
        Matcher m = EXECUTE_API.matcher(host);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    @PreDestroy
    void close() {
        if (own != null) own.close();
        others.values().forEach(ApiGatewayManagementApiClient::close);
    }
}
