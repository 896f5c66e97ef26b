package com.nija.functions.reconcile;

import com.nija.functions.http.ScheduledHandler;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.reconcile.ReconcileReport;
import com.nija.shared.reconcile.VenueReconciler;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;

/**
 * Reconciliation with the live venues, every 5 minutes (EventBridge Scheduler; route table {@code SCHEDULES}): each
 * live trader's open live positions against the venue's balances and open orders. Drift is pushed to the trader
 * ({@code position.drift}), logged and counted ({@code PositionDrift}, alarmed); nothing is traded. Answers the run's
 * {@link ReconcileReport}.
 */
public class ReconcileVenuesHandler extends ScheduledHandler<ReconcileReport> {
    @Inject VenueReconciler reconciler;

    public ReconcileVenuesHandler() {}

    public ReconcileVenuesHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ReconcileReport run(LongSupplier remainingMillis, String service) {
        ReconcileReport report = reconciler.run(remainingMillis, service);
        Telemetry.record(new Metric("LiveTradersReconciled", report.traders(), Metric.Unit.COUNT, null, null));
        Telemetry.record(new Metric("ReconcileDeferred", report.tradersDeferred(), Metric.Unit.COUNT, null, null));
        return report;
    }
}
