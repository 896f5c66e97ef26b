package com.nija.shared.alerts;

import java.time.Duration;

/**
 * Every business alert the platform raises itself, with its severity, what it is called, the first thing an operator
 * checks, and how long a repeat of the same trigger stays quiet (docs/ALERTS.md holds the same table). The
 * infrastructure alarms (5xx, latency, dead letters, deployments) are CloudWatch alarms and EventBridge rules in the
 * CDK app, sent to the same topics.
 */
public enum AlertKind {
    KILL_SWITCH_ENGAGED(Severity.CRITICAL, "Kill switch engaged: no new orders anywhere",
            "Read the reason and who engaged it (GET /api/v1/admin/kill-switch, audit trail); release it with "
                    + "POST /api/v1/admin/kill-switch {\"engaged\":false} once the cause is fixed.",
            Duration.ZERO),
    KILL_SWITCH_RELEASED(Severity.INFO, "Kill switch released: trading resumed",
            "Watch the first orders (GET /api/v1/admin/traders, the ops dashboard's signal-to-order graph).",
            Duration.ZERO),
    TRADER_AUTO_PAUSED(Severity.WARNING, "Trader's bot paused after repeated broker errors",
            "Check the venue's status page and the trader's key (POST /api/v1/brokers/{venue}/test as the trader, "
                    + "or the executor log by user id); resume with POST /api/v1/admin/traders/{id}/resume.",
            Duration.ofMinutes(15)),
    POSITION_DRIFT(Severity.WARNING, "Venue holds less than the trader's open live positions",
            "Compare the trader's open positions (GET /api/v1/admin/traders/{id}) with their venue account; open "
                    + "orders at the venue or a manual sale explain most drift. Nothing is traded to fix it.",
            Duration.ofDays(1)),
    SOURCE_QUIET(Severity.WARNING, "Signal source quiet longer than its expected interval",
            "Check the sender (TradingView alert still active? APEX scan runs in the engine region?) and the intake "
                    + "log for 401/429 refusals of this source (GET /api/v1/admin/sources shows whether it is enabled).",
            Duration.ofDays(30)),
    STRIPE_WEBHOOK_FAILED(Severity.WARNING, "Stripe webhook event failed to apply",
            "Find the event id in the stripe-webhook log; Stripe retries it for 3 days (Dashboard > Developers > "
                    + "Webhooks shows the attempts). A trader's tier may be stale until it applies.",
            Duration.ofDays(1)),
    STRIPE_SIGNATURE_REFUSED(Severity.WARNING, "Stripe webhook deliveries refused: bad signature",
            "Compare the endpoint's signing secret in the Stripe Dashboard with the stripe-webhook secret in "
                    + "Secrets Manager (rotated on one side only?); a flood from unknown IPs is someone probing.",
            Duration.ofHours(1)),
    STRIPE_WEBHOOK_UNCONFIGURED(Severity.CRITICAL, "Stripe webhook has no signing secret: every event refused",
            "Set the stripe-webhook secret in Secrets Manager (docs/DEPLOY.md); Stripe retries for 3 days.",
            Duration.ofHours(1));

    private final Severity severity;
    private final String title;
    private final String firstCheck;
    private final Duration quietFor;

    AlertKind(Severity severity, String title, String firstCheck, Duration quietFor) {
        this.severity = severity;
        this.title = title;
        this.firstCheck = firstCheck;
        this.quietFor = quietFor;
    }

    public Severity severity() { return severity; }

    /** What happened, in a few words (the message's subject). */
    public String title() { return title; }

    /** The runbook's first line: where an operator looks first. */
    public String firstCheck() { return firstCheck; }

    /** How long a repeat of the same trigger (same deduplication key) raises nothing. */
    public Duration quietFor() { return quietFor; }
}
