package com.nija.shared.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Alert forwarder: one readable chat message per notification, whichever of the three kinds it is")
class AlertForwarderTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "arn:aws:sns:us-east-1:123456789012:nija-prod-alarms-critical, CRITICAL",
        "arn:aws:sns:eu-west-1:123456789012:nija-prod-alarms-warning, WARNING",
        "arn:aws:sns:us-east-1:123456789012:nija-staging-alarms-info, INFO",
        "arn:aws:sns:us-east-1:123456789012:someone-elses-topic, ALERT"})
    @DisplayName("the severity is the topic's")
    void severity(String topic, String severity) {
        assertThat(AlertForwarder.severityOf(topic)).isEqualTo(severity);
    }

    @Test
    @DisplayName("a resolved alarm says resolved, with its description")
    void resolvedAlarm() {
        String text = AlertForwarder.text("arn:aws:sns:us-east-1:1:nija-prod-alarms-warning", "OK: x",
                "{\"AlarmName\":\"PositionDrift-Warning\",\"AlarmDescription\":\"drift (first check: logs)\","
                        + "\"NewStateValue\":\"OK\",\"NewStateReason\":\"Threshold no longer crossed\"}");

        assertThat(text).isEqualTo("[WARNING] resolved: PositionDrift-Warning\ndrift (first check: logs)\n"
                + "Why: Threshold no longer crossed");
    }

    @Test
    @DisplayName("a deployment notice (the EventBridge rule's text) gets the info topic's severity and its subject")
    void deployment() {
        String text = AlertForwarder.text("arn:aws:sns:us-east-1:1:nija-prod-alarms-info", null,
                "Deployment completed: stack NijaProdUsEast1 is UPDATE_COMPLETE");

        assertThat(text).isEqualTo("[INFO] Deployment completed: stack NijaProdUsEast1 is UPDATE_COMPLETE");
    }

    @Test
    @DisplayName("JSON that is not an alarm is passed on as text, not dropped")
    void otherJson() {
        String text = AlertForwarder.text("arn:aws:sns:us-east-1:1:nija-prod-alarms-warning", "note", "{\"a\":1}");

        assertThat(text).isEqualTo("[WARNING] note\n{\"a\":1}");
    }
}
