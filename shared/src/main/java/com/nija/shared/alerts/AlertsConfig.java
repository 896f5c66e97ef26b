package com.nija.shared.alerts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * Operator alert settings ({@code nija.alerts.*}): the three topics the CDK app creates (their ARNs in
 * {@code NIJA_ALERTS_*_TOPIC_ARN}); without them alerts go to the log and, when set, a local webhook. The webhook
 * URL is a secret (a Slack incoming webhook's path is its key): never logged, never in {@link #toString()}.
 */
@ConfigurationProperties("nija.alerts")
public class AlertsConfig {
    @Nullable private String criticalTopicArn;
    @Nullable private String warningTopicArn;
    @Nullable private String infoTopicArn;
    @Nullable private String webhookUrl;
    /** Where the alert comes from, in its text: the stage (and the region, added by the raiser). */
    private String stage = "local";
    /** How long raised alerts stay readable by admins ({@code GET /api/v1/admin/alerts}). */
    private Duration history = Duration.ofDays(30);

    @Nullable public String getCriticalTopicArn() { return criticalTopicArn; }
    public void setCriticalTopicArn(@Nullable String v) { criticalTopicArn = blankToNull(v); }
    @Nullable public String getWarningTopicArn() { return warningTopicArn; }
    public void setWarningTopicArn(@Nullable String v) { warningTopicArn = blankToNull(v); }
    @Nullable public String getInfoTopicArn() { return infoTopicArn; }
    public void setInfoTopicArn(@Nullable String v) { infoTopicArn = blankToNull(v); }
    @Nullable public String getWebhookUrl() { return webhookUrl; }
    public void setWebhookUrl(@Nullable String v) { webhookUrl = blankToNull(v); }
    public String getStage() { return stage; }
    public void setStage(String v) { stage = v == null || v.isBlank() ? "local" : v.trim(); }
    public Duration getHistory() { return history; }
    public void setHistory(Duration v) { history = v; }

    /** All three topics are configured: alerts go through SNS. */
    public boolean topicsConfigured() {
        return criticalTopicArn != null && warningTopicArn != null && infoTopicArn != null;
    }

    /** The topic of {@code severity}. */
    public String topicArn(Severity severity) {
        return switch (severity) {
            case CRITICAL -> criticalTopicArn;
            case WARNING -> warningTopicArn;
            case INFO -> infoTopicArn;
        };
    }

    @Override
    public String toString() {
        return "AlertsConfig[topics=" + topicsConfigured() + ", webhook=" + (webhookUrl != null ? "set" : "unset")
                + ", stage=" + stage + "]";
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
