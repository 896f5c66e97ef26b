package com.nija.shared.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.config.PlatformClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

@DisplayName("SNS alerts: each kind on its severity's topic, with the subject email shows and attributes to filter on")
class SnsOperatorAlertsTest {
    /** What the SDK would send: the publish requests, as built. */
    private static final class RecordingSns implements SnsClient {
        final List<PublishRequest> published = new ArrayList<>();

        @Override
        public PublishResponse publish(PublishRequest request) {
            published.add(request);
            return PublishResponse.builder().messageId("m-" + published.size()).build();
        }

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {}
    }

    @ParameterizedTest
    @EnumSource(AlertKind.class)
    @DisplayName("published to the topic of the kind's severity")
    void routedBySeverity(AlertKind kind) {
        AlertsConfig config = new AlertsConfig();
        config.setCriticalTopicArn("arn:aws:sns:us-east-1:1:nija-prod-alarms-critical");
        config.setWarningTopicArn("arn:aws:sns:us-east-1:1:nija-prod-alarms-warning");
        config.setInfoTopicArn("arn:aws:sns:us-east-1:1:nija-prod-alarms-info");
        RecordingSns sns = new RecordingSns();

        new SnsOperatorAlerts(sns, config, "nija-prod, us-east-1").send(new OperatorAlert(kind, "trader u-1",
                "detail", null, PlatformClock.system().instant()));

        PublishRequest sent = sns.published.get(0);
        assertThat(sent.topicArn()).endsWith("-" + kind.severity().name().toLowerCase(java.util.Locale.ROOT));
        assertThat(sent.subject()).startsWith("[" + kind.severity() + "] ").hasSizeLessThanOrEqualTo(100);
        assertThat(sent.message()).contains("Whom: trader u-1").contains("First check: " + kind.firstCheck());
        assertThat(sent.messageAttributes().get(SnsOperatorAlerts.KIND_ATTRIBUTE).stringValue()).isEqualTo(kind.name());
        assertThat(sent.messageAttributes().get(SnsOperatorAlerts.SEVERITY_ATTRIBUTE).stringValue())
                .isEqualTo(kind.severity().name());
    }
}
