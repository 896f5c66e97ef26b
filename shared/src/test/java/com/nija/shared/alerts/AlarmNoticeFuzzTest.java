package com.nija.shared.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The alarm parser reads whatever arrives on the alert topics: it never throws, and keeps every field bounded, so a
 * chat message stays readable whatever the notification held. See docs/FUZZING.md.
 */
class AlarmNoticeFuzzTest {
    @FuzzTest
    void parsesAnyMessage(String message) {
        AlarmNotice.parse(message).ifPresent(n -> {
            assertThat(n.name()).isNotNull().hasSizeLessThanOrEqualTo(AlarmNotice.MAX_FIELD + 1);
            assertThat(n.state()).isNotNull().hasSizeLessThanOrEqualTo(AlarmNotice.MAX_FIELD + 1);
            if (n.description() != null) assertThat(n.description()).hasSizeLessThanOrEqualTo(AlarmNotice.MAX_FIELD + 1);
            if (n.reason() != null) assertThat(n.reason()).hasSizeLessThanOrEqualTo(AlarmNotice.MAX_FIELD + 1);
        });
        AlertForwarder.text("arn:aws:sns:us-east-1:1:nija-prod-alarms-critical", message, message);
    }
}
