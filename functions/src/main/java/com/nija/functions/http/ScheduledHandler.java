package com.nija.functions.http;

import io.micronaut.context.ApplicationContextBuilder;
import com.nija.functions.lambda.LambdaContexts;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every function run on a schedule (EventBridge) does around its own logic: the event id in the log context, one
 * metrics record per run, and the time it may take. The budget is {@code nija.time-budget-seconds}
 * ({@code NIJA_TIME_BUDGET_SECONDS}, which the CDK app sets to the function's timeout); none means unbounded (the
 * local platform, tests). A failure is logged and thrown, so Lambda counts it as an error the alarms see.
 */
public abstract class ScheduledHandler<O> extends MicronautRequestHandler<ScheduledEvent, O> {
    /** Singletons on first use, not all at start: see {@link LambdaContexts}. */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LambdaContexts.builder();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledHandler.class);
    public static final String BUDGET_PROPERTY = "nija.time-budget-seconds";

    private final String service = Telemetry.service(getClass().getName());

    protected ScheduledHandler() {}

    protected ScheduledHandler(ApplicationContext context) {
        super(context);
    }

    /**
     * One run.
     *
     * @param remainingMillis the run's time left
     * @param service         the metrics service of this function, for work done on other threads
     */
    protected abstract O run(LongSupplier remainingMillis, String service);

    @Override
    public final O execute(ScheduledEvent event) {
        long started = System.nanoTime();
        long budgetMillis = applicationContext.getProperty(BUDGET_PROPERTY, Long.class).orElse(0L) * 1000;
        Telemetry.begin();
        if (event != null && event.getId() != null) MDC.put("correlation_id", event.getId());
        try {
            return run(() -> budgetMillis <= 0 ? Long.MAX_VALUE
                    : budgetMillis - (System.nanoTime() - started) / 1_000_000, service);
        } catch (RuntimeException e) {
            Telemetry.record(Metric.count("Error", "type", e.getClass().getSimpleName()));
            LOG.error("scheduled run failed", e);
            throw e;
        } finally {
            Telemetry.record(Metric.millis("Latency", (System.nanoTime() - started) / 1e6));
            Telemetry.end(service);
            MDC.remove("correlation_id");
        }
    }
}
