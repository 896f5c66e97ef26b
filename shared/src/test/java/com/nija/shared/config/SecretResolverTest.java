package com.nija.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretResolverTest {

    @Test
    @DisplayName("a configured secret is used as is, without asking Secrets Manager")
    void configuredValueWins() {
        SecretResolver resolver = new SecretResolver(Map.of("X_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:x")::get);

        assertThat(resolver.resolve("local-value-123", "X_SECRET_ARN")).isEqualTo("local-value-123");
    }

    @Test
    @DisplayName("with neither a value nor an ARN there is no secret, so the caller can refuse clearly")
    void nothingConfigured() {
        SecretResolver resolver = new SecretResolver(Map.<String, String>of()::get);

        assertThat(resolver.resolve("  ", "X_SECRET_ARN")).isNull();
        assertThat(resolver.resolve(null, "X_SECRET_ARN")).isNull();
    }
}
