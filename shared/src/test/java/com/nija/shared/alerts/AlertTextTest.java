package com.nija.shared.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.config.PlatformClock;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Alert text: what an operator reads in an email, a chat message or the log")
class AlertTextTest {
    private static OperatorAlert alert(AlertKind kind, String subject) {
        return new OperatorAlert(kind, subject, "what happened", null, PlatformClock.system().instant());
    }

    @ParameterizedTest
    @EnumSource(AlertKind.class)
    @DisplayName("every kind says its severity, what, whom, the first check and where it was raised")
    void body(AlertKind kind) {
        String text = AlertText.body(alert(kind, "trader user-1"), "nija-prod, us-east-1");

        assertThat(text).startsWith("[" + kind.severity() + "] " + kind.title())
                .contains("\nWhom: trader user-1\n").contains("\nWhat: what happened\n")
                .contains("\nFirst check: " + kind.firstCheck() + "\n").contains("nija-prod, us-east-1");
        assertThat(kind.firstCheck()).as("a runbook line, not a placeholder").hasSizeGreaterThan(40);
    }

    static Stream<String> subjects() {
        return Stream.of("trader " + "x".repeat(300), "source tv\nline", "trader ünïcødé-名前", "");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @DisplayName("subjects fit what SNS accepts: at most 100 printable ASCII characters")
    void subjectFitsSns(String whom) {
        String subject = AlertText.subject(alert(AlertKind.TRADER_AUTO_PAUSED, whom));

        assertThat(subject).hasSizeLessThanOrEqualTo(100).startsWith("[WARNING] ")
                .matches("[\\x20-\\x7e]*");
    }

    @Test
    @DisplayName("an alert's key is scoped to its kind: the same trader paused and drifting are two alerts")
    void keyScopedByKind() {
        var at = PlatformClock.system().instant();
        assertThat(new OperatorAlert(AlertKind.TRADER_AUTO_PAUSED, "t", "", "u1", at).key())
                .isNotEqualTo(new OperatorAlert(AlertKind.POSITION_DRIFT, "t", "", "u1", at).key());
        assertThat(new OperatorAlert(AlertKind.SOURCE_QUIET, "source a", "", null, at).key())
                .isEqualTo("SOURCE_QUIET#source a");
    }
}
