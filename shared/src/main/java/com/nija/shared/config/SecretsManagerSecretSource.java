package com.nija.shared.config;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Secrets Manager's current version of a secret. The client is built on the first read, never during init. */
@Singleton
public class SecretsManagerSecretSource implements SecretSource {
    private volatile SecretsManagerClient client;

    @Override
    public String read(String id) {
        return client().getSecretValue(b -> b.secretId(id)).secretString();
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

    @PreDestroy
    void close() {
        if (client != null) client.close();
    }
}
