package com.nija.shared.alerts;

/**
 * The blueprint's three alert tiers ("Monitoring &amp; Alerts"), one SNS topic each: critical pages on-call, warning
 * goes to chat, info is a record (deployments, releases).
 */
public enum Severity {
    CRITICAL,
    WARNING,
    INFO
}
