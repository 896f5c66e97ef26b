package com.nija.shared.alerts;

import com.nija.shared.config.NijaConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * SNS where the CDK app configured the three topics, the log (and a webhook, if set) elsewhere. The SNS client is
 * built once, at init, and bounded to 2 s a call: an alert raised on the order path must never hold it up for long.
 */
@Factory
public class OperatorAlertsFactory {

    @Singleton
    OperatorAlerts operatorAlerts(AlertsConfig config, NijaConfig nija) {
        String origin = "nija-" + config.getStage() + ", " + nija.getRegion();
        if (config.topicsConfigured()) {
            SnsClient sns = SnsClient.builder()
                    .region(Region.of(nija.getRegion()))
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(1))
                            .socketTimeout(Duration.ofSeconds(2)))
                    .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                            .apiCallTimeout(Duration.ofSeconds(2)).build())
                    .build();
            return new SnsOperatorAlerts(sns, config, origin);
        }
        return new LocalOperatorAlerts(Optional.ofNullable(config.getWebhookUrl()).map(WebhookPoster::new), origin);
    }
}
