package com.nija.shared.alerts;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/**
 * The chat side of the alert topics: turns each SNS notification into one readable message (severity, what, whom,
 * first check) and posts it to the configured webhook ({@code nija.alerts.webhook-url}). Three kinds arrive: our own
 * alerts (already readable), CloudWatch alarms (JSON, {@link AlarmNotice}) and deployments (text from the EventBridge
 * rule). The severity is the topic's: {@code …-critical}, {@code …-warning}, {@code …-info}.
 */
@Singleton
public class AlertForwarder {
    private final AlertsConfig config;
    private volatile WebhookPoster poster;

    public AlertForwarder(AlertsConfig config) {
        this.config = config;
    }

    /** @throws WebhookPoster.WebhookFailedException the webhook refused it or was unreachable (Lambda retries) */
    public void forward(String topicArn, String subject, String message) {
        poster().post(text(topicArn, subject, message));
    }

    static String text(String topicArn, String subject, String message) {
        String severity = severityOf(topicArn);
        Optional<AlarmNotice> alarm = AlarmNotice.parse(message);
        if (alarm.isPresent()) {
            AlarmNotice a = alarm.get();
            String state = "OK".equals(a.state()) ? "resolved" : a.state();
            StringBuilder sb = new StringBuilder();
            sb.append('[').append(severity).append("] ").append(state).append(": ").append(a.name()).append('\n');
            if (a.description() != null) sb.append(a.description()).append('\n');
            if (a.reason() != null) sb.append("Why: ").append(a.reason());
            return sb.toString().strip();
        }
        // Our alerts start with their severity already; deployments and anything else get the topic's.
        String body = message == null ? "" : message;
        if (body.startsWith("[")) return body;
        return "[" + severity + "] " + (subject == null || subject.isBlank() ? "" : subject + "\n") + body;
    }

    static String severityOf(String topicArn) {
        String arn = topicArn == null ? "" : topicArn.toLowerCase(Locale.ROOT);
        for (Severity s : Severity.values()) {
            if (arn.endsWith("-" + s.name().toLowerCase(Locale.ROOT))) return s.name();
        }
        return "ALERT";
    }

    private WebhookPoster poster() {
        WebhookPoster p = poster;
        if (p == null) {
            String url = config.getWebhookUrl();
            if (url == null) throw new IllegalStateException("no alert webhook configured (nija.alerts.webhook-url)");
            p = new WebhookPoster(url);
            poster = p;
        }
        return p;
    }
}
