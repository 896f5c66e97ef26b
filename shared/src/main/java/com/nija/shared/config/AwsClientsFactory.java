package com.nija.shared.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import com.nija.shared.observability.DynamoWriteCounter;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;

/** Builds the AWS clients once, at init, so SnapStart snapshots them warm. */
@Factory
public class AwsClientsFactory {

    @Singleton
    DynamoDbClient dynamoDbClient(NijaConfig config, DynamoWriteCounter writes) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(config.getRegion()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)))
                // Standard mode: exponential backoff with jitter on throttling, as the blueprint's retries expect.
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                        .addExecutionInterceptor(writes).build());
        if (config.getDynamodbEndpoint() != null) {
            // dynalite and LocalStack accept any credentials; never pick up a developer's real ones for them.
            builder.endpointOverride(URI.create(config.getDynamodbEndpoint()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Singleton
    SqsClient sqsClient(NijaConfig config) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(config.sqsRegionOrOwn()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build());
        if (config.getSqsEndpoint() != null) {
            builder.endpointOverride(URI.create(config.getSqsEndpoint()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Singleton
    DynamoDbEnhancedClient enhancedClient(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder()
                .dynamoDbClient(client)
                .extensions(VersionedRecordExtension.builder().build())
                .build();
    }
}
