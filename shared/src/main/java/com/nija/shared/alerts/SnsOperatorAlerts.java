package com.nija.shared.alerts;

import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes each alert to the SNS topic of its severity: the subject line email shows, the readable text (whom,
 * what, first check) as the message, and kind and severity as message attributes for subscription filters. The
 * webhook forwarder posts the same text to chat.
 */
public final class SnsOperatorAlerts implements OperatorAlerts {
    /** Message attribute naming the {@link AlertKind}: the forwarder knows our alerts from CloudWatch's by it. */
    public static final String KIND_ATTRIBUTE = "nija.alert.kind";
    public static final String SEVERITY_ATTRIBUTE = "nija.alert.severity";

    private final SnsClient sns;
    private final AlertsConfig config;
    private final String origin;

    public SnsOperatorAlerts(SnsClient sns, AlertsConfig config, String origin) {
        this.sns = sns;
        this.config = config;
        this.origin = origin;
    }

    @Override
    public void send(OperatorAlert alert) {
        sns.publish(b -> b.topicArn(config.topicArn(alert.severity()))
                .subject(AlertText.subject(alert))
                .message(AlertText.body(alert, origin))
                .messageAttributes(Map.of(
                        KIND_ATTRIBUTE, text(alert.kind().name()),
                        SEVERITY_ATTRIBUTE, text(alert.severity().name()))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
