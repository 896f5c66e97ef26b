package com.nija.shared.crypto;

import com.nija.shared.config.NijaConfig;
import com.nija.shared.config.OwnerOnlyFile;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The {@link DataKeyProvider}: KMS when {@code nija.envelope.key-arn} is set (the CDK app sets
 * {@code NIJA_ENVELOPE_KEY_ARN} on the functions that seal or open), else the local key file
 * ({@code nija.envelope.local-key-file}, by default {@code envelope-key} in the local home). Inside Lambda a missing
 * key ARN is a deployment error, never a reason to fall back to a key file.
 */
@Factory
public class EnvelopeFactory {

    @Singleton
    DataKeyProvider dataKeys(NijaConfig config,
                             @Nullable @Value("${nija.envelope.key-arn:}") String keyArn,
                             @Nullable @Value("${nija.envelope.local-key-file:}") String localKeyFile) {
        if (keyArn != null && !keyArn.isBlank()) {
            // Built at init (SnapStart snapshots the client); the first call happens at request time.
            KmsClient kms = KmsClient.builder()
                    .region(Region.of(config.getRegion()))
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(2))
                            .socketTimeout(Duration.ofSeconds(5)))
                    .credentialsProvider(DefaultCredentialsProvider.builder().build())
                    .build();
            return new KmsDataKeys(kms, keyArn);
        }
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null) return new MissingDataKeys();
        Path file = localKeyFile == null || localKeyFile.isBlank()
                ? OwnerOnlyFile.defaultHome().resolve(LocalDataKeys.FILE) : Path.of(localKeyFile);
        return new LocalDataKeys(file);
    }

    /** A function deployed without the envelope key: refuses when (and only when) something needs a data key. */
    static final class MissingDataKeys implements DataKeyProvider {
        private static IllegalStateException missing() {
            return new IllegalStateException("this function has no NIJA_ENVELOPE_KEY_ARN: the CDK app grants the "
                    + "envelope key only to functions that seal or open secrets");
        }

        @Override
        public DataKey newDataKey(java.util.Map<String, String> associatedData) {
            throw missing();
        }

        @Override
        public byte[] unwrap(byte[] wrapped, java.util.Map<String, String> associatedData) {
            throw missing();
        }
    }
}
