package com.nija.shared.live;

import com.nija.shared.config.NijaConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The {@code @connections} client, built once at init (SnapStart) and only where a callback URL is configured.
 * The SDK's own retries are off: {@link PushSender} retries, counts and backs off itself, and must never retry a
 * Gone connection.
 */
@Factory
public class LiveClientsFactory {

    @Singleton
    @Requires(property = "nija.live.callback-url")
    ApiGatewayManagementApiClient connectionsClient(LiveConfig live, NijaConfig config) {
        URI endpoint = URI.create(live.getCallbackUrl());
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(config.getRegion()))
                .credentialsProvider(isLoopback(endpoint)
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

    static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
