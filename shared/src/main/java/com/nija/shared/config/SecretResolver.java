package com.nija.shared.config;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Secret values: the configured value when there is one (locally, tests), else the Secrets Manager secret whose ARN
 * the CDK app put in an {@code *_SECRET_ARN} environment variable. Read once per process (at init, so SnapStart
 * snapshots it) and never logged.
 */
@Singleton
public class SecretResolver {
    private final Function<String, String> environment;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private volatile SecretsManagerClient client;

    public SecretResolver() {
        this(System::getenv);
    }

    SecretResolver(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @param configured the plain value from configuration, used when non-blank
     * @param arnVariable the environment variable holding the secret's ARN in AWS
     * @return the secret, or null when neither is set
     */
    public String resolve(String configured, String arnVariable) {
        if (configured != null && !configured.isBlank()) return configured;
        String arn = environment.apply(arnVariable);
        if (arn == null || arn.isBlank()) return null;
        return cache.computeIfAbsent(arn, a -> client().getSecretValue(b -> b.secretId(a)).secretString());
    }

    /** Whether {@link #resolve} has a secret to read, without reading it (no network call). */
    public boolean isSet(String configured, String arnVariable) {
        if (configured != null && !configured.isBlank()) return true;
        String arn = environment.apply(arnVariable);
        return arn != null && !arn.isBlank();
    }

    private SecretsManagerClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
                }
            }
        }
        return client;
    }
}
