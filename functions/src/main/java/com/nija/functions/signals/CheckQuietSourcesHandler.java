package com.nija.functions.signals;

import com.nija.functions.http.ScheduledHandler;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.signals.QuietSourceCheck;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;

/**
 * The quiet-source check, every 5 minutes in the engine region (route table {@code SCHEDULES}): each source named in
 * {@code NIJA_ALERTS_QUIET_SOURCES} not heard from for longer than its interval raises a warning, once per quiet
 * spell. Answers the run's {@link QuietSourceCheck.Report}; counts the quiet sources ({@code SourcesQuiet}).
 */
public class CheckQuietSourcesHandler extends ScheduledHandler<QuietSourceCheck.Report> {
    @Inject QuietSourceCheck check;

    public CheckQuietSourcesHandler() {}

    public CheckQuietSourcesHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected QuietSourceCheck.Report run(LongSupplier remainingMillis, String service) {
        QuietSourceCheck.Report report = check.run();
        Telemetry.record(new Metric("SourcesQuiet", report.quiet().size(), Metric.Unit.COUNT, null, null));
        return report;
    }
}
