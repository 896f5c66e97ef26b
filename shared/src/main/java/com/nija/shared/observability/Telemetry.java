package com.nija.shared.observability;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects an invocation's metrics on its thread and hands them to the sink once at the end, so a request
 * produces one EMF record instead of one per data point. Code outside a handler records nothing, and a
 * {@link DryRun} (priming) publishes nothing.
 */
public final class Telemetry {
    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);
    private static final ThreadLocal<List<Metric>> CURRENT = new ThreadLocal<>();
    private static volatile MetricsSink sink = new EmfMetricsSink();

    private Telemetry() {}

    /**
     * The {@code service} dimension of a handler's metrics: its class's simple name without {@code Handler}
     * ({@code com.nija.functions.engine.OrderExecutorHandler} → {@code OrderExecutor}). Alarms on one function's
     * metrics (the CDK app) derive it the same way.
     */
    public static String service(String handlerClassName) {
        return handlerClassName.substring(handlerClassName.lastIndexOf('.') + 1).replace("Handler", "");
    }

    /** Replaces the sink (the local platform keeps metrics in memory instead of writing EMF to stdout). */
    public static void useSink(MetricsSink newSink) {
        sink = newSink;
    }

    public static void begin() {
        CURRENT.set(new ArrayList<>());
    }

    public static void record(Metric metric) {
        List<Metric> metrics = CURRENT.get();
        if (metrics != null) {
            metrics.add(metric);
        }
    }

    public static void count(String name) {
        record(Metric.count(name));
    }

    /** Publishes what this invocation recorded under the function's service name, and clears it. */
    public static void end(String service) {
        List<Metric> metrics = CURRENT.get();
        CURRENT.remove();
        if (metrics != null && !metrics.isEmpty() && !DryRun.active()) {
            try {
                sink.publish(service, metrics);
            } catch (RuntimeException e) {
                // Losing a data point must never fail the request that produced it.
                LOG.warn("metrics not published: {}", e.toString());
            }
        }
    }
}
