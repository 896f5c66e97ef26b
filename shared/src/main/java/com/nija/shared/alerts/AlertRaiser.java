package com.nija.shared.alerts;

import com.nija.shared.observability.DryRun;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises operator alerts for the code that notices something (the kill switch, the engine, reconciliation, billing,
 * the quiet-source check): drops a repeat of the same trigger within its kind's quiet period ({@link AlertStore}),
 * then sends it ({@link OperatorAlerts}). Never throws: an alert that cannot be recorded is still sent (a duplicate
 * beats a silence), one that cannot be sent is logged and counted ({@code AlertFailed}), and whatever raised it
 * carries on — an order, a kill switch, a webhook never fails because an alert did.
 */
@Singleton
public class AlertRaiser {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRaiser.class);

    private final AlertStore store;
    private final OperatorAlerts alerts;
    private final AlertsConfig config;

    public AlertRaiser(AlertStore store, OperatorAlerts alerts, AlertsConfig config) {
        this.store = store;
        this.alerts = alerts;
        this.config = config;
    }

    /** @return whether the alert was sent (false: a repeat within its quiet period, or sending failed) */
    public boolean raise(OperatorAlert alert) {
        // SnapStart priming runs real refusals (an unsigned Stripe event) before the checkpoint: nothing to tell.
        if (DryRun.active()) return false;
        try {
            if (!claimed(alert)) {
                Telemetry.record(Metric.count("AlertRepeat", "kind", alert.kind().name()));
                return false;
            }
            alerts.send(alert);
            Telemetry.record(Metric.count("AlertRaised", "kind", alert.kind().name()));
            return true;
        } catch (RuntimeException e) {
            Telemetry.record(Metric.count("AlertFailed", "kind", alert.kind().name()));
            LOG.error("operator alert {} for {} could not be sent: {}", alert.kind(), alert.subject(),
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private boolean claimed(OperatorAlert alert) {
        try {
            return store.claim(alert, config.getHistory());
        } catch (RuntimeException e) {
            Telemetry.record(Metric.count("AlertStoreFailed"));
            LOG.warn("operator alert {} not recorded ({}); sending it anyway", alert.kind(), e.getClass().getSimpleName());
            return true;
        }
    }
}
