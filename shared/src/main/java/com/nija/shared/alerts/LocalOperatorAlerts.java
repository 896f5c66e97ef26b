package com.nija.shared.alerts;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts where no SNS topics exist (the local platform, a stage deployed without alarms): each is written to the log
 * at its severity's level, in full, and posted to {@code nija.alerts.webhook-url} when one is set (a Slack incoming
 * webhook or any HTTPS endpoint taking {@code {"text": ...}}). Admins read the recent ones at
 * {@code GET /api/v1/admin/alerts} either way.
 */
public final class LocalOperatorAlerts implements OperatorAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(LocalOperatorAlerts.class);

    private final Optional<WebhookPoster> webhook;
    private final String origin;

    public LocalOperatorAlerts(Optional<WebhookPoster> webhook, String origin) {
        this.webhook = webhook;
        this.origin = origin;
    }

    @Override
    public void send(OperatorAlert alert) {
        String text = AlertText.body(alert, origin);
        switch (alert.severity()) {
            case CRITICAL -> LOG.error("operator alert\n{}", text);
            case WARNING -> LOG.warn("operator alert\n{}", text);
            case INFO -> LOG.info("operator alert\n{}", text);
        }
        webhook.ifPresent(w -> w.post(text));
    }
}
