package com.nija.functions.support;

import com.nija.shared.config.InMemorySecretSource;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.config.SecretResolver;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In a test context started with {@link #use}'s property, secrets come from the test's {@link InMemorySecretSource}
 * (which the test rotates the way {@code put-secret-value} does) and the {@code *_SECRET_ARN} variables from the
 * test's map, instead of Secrets Manager and the process environment. The resolver itself is the real one.
 */
@Factory
@Requires(property = TestSecretsFactory.PROPERTY)
public class TestSecretsFactory {
    static final String PROPERTY = "nija.test.secrets";
    private static final Map<String, Secrets> SECRETS = new ConcurrentHashMap<>();

    private record Secrets(InMemorySecretSource source, Map<String, String> arnVariables) {}

    /** The property that makes a new context read {@code source}, with {@code arnVariables} as its environment. */
    public static Map.Entry<String, Object> use(InMemorySecretSource source, Map<String, String> arnVariables) {
        String id = UUID.randomUUID().toString();
        SECRETS.put(id, new Secrets(source, Map.copyOf(arnVariables)));
        return Map.entry(PROPERTY, id);
    }

    @Singleton
    @Replaces(SecretResolver.class)
    SecretResolver secretResolver(Environment environment, Clock clock, NijaConfig config) {
        Secrets secrets = SECRETS.get(environment.getRequiredProperty(PROPERTY, String.class));
        return new SecretResolver(secrets.source(), clock, config.getSecretTtl(), secrets.arnVariables()::get);
    }
}
