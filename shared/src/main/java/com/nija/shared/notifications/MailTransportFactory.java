package com.nija.shared.notifications;

import com.nija.shared.config.NijaConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.util.SupplierUtil;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** SMTP when {@code nija.notifications.email-transport=smtp} (the local platform), else SES. */
@Factory
public class MailTransportFactory {
    @Singleton
    MailTransport mailTransport(NotificationsConfig config, NijaConfig nija) {
        if ("smtp".equalsIgnoreCase(config.getEmailTransport())) {
            if (config.getSmtpHost() == null) {
                throw new IllegalStateException("nija.notifications.email-transport=smtp needs nija.notifications.smtp-host");
            }
            return new SmtpMailTransport(config.getSmtpHost(), config.getSmtpPort(), config.getHttpTimeout());
        }
        // Built on first send, never at init: only the worker sends, and a SnapStart snapshot holds no connection.
        return new SesMailTransport(SupplierUtil.memoized(() -> SesV2Client.builder()
                .region(Region.of(nija.getRegion()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(config.getHttpTimeout()))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .build()));
    }
}
