package com.nija.shared.config;

/**
 * Where secret values live: Secrets Manager in AWS ({@link SecretsManagerSecretSource}), memory in tests
 * ({@link InMemorySecretSource}). {@link SecretResolver} decides when to ask; a source only answers.
 */
public interface SecretSource {
    /**
     * @param id the secret's ARN or name
     * @return its current string value (null when it has none)
     * @throws RuntimeException when the source cannot be read
     */
    String read(String id);
}
