package com.nija.shared.alerts;

/**
 * Where alerts go: the severity's SNS topic in AWS ({@link SnsOperatorAlerts}), the log and an optional webhook on the
 * local platform ({@link LocalOperatorAlerts}). Callers raise alerts through {@link AlertRaiser}, which deduplicates
 * and never lets a failure here reach the path that raised the alert.
 */
public interface OperatorAlerts {
    /** @throws RuntimeException when the alert could not be handed over (the raiser counts and logs it) */
    void send(OperatorAlert alert);
}
