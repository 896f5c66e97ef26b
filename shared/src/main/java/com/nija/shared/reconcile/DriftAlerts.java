package com.nija.shared.reconcile;

import com.nija.shared.alerts.AlertKind;
import com.nija.shared.alerts.AlertRaiser;
import com.nija.shared.alerts.OperatorAlert;
import jakarta.inject.Singleton;

/**
 * Position drift as an operator alert (warning: real money disagrees with the books, but a trader selling by hand
 * at the venue causes it too). Reconciliation finds the same drift every 5 minutes until it is resolved: keyed by
 * trader, venue, asset and the amount missing, it is raised once a day — and again at once if the amount changes.
 */
@Singleton
public class DriftAlerts implements DriftListener {
    private final AlertRaiser alerts;

    public DriftAlerts(AlertRaiser alerts) {
        this.alerts = alerts;
    }

    @Override
    public void positionDrift(String userId, PositionDrift drift) {
        String detail = drift.asset() + " at " + drift.venue() + ": open positions hold " + drift.expected().toPlainString()
                + ", the venue holds " + drift.held().toPlainString() + ", missing " + drift.missing().toPlainString()
                + "; " + drift.openOrders() + " open order(s) at the venue; positions " + drift.positionIds();
        String key = userId + "#" + drift.venue() + "#" + drift.asset() + "#" + drift.missing().stripTrailingZeros()
                .toPlainString();
        alerts.raise(new OperatorAlert(AlertKind.POSITION_DRIFT, "trader " + userId + " at " + drift.venue(), detail,
                key, drift.detectedAt()));
    }
}
