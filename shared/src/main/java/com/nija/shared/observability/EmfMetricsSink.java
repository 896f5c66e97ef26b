package com.nija.shared.observability;

import java.util.List;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** Powertools metrics: one CloudWatch EMF record per invocation, namespace from POWERTOOLS_METRICS_NAMESPACE. */
final class EmfMetricsSink implements MetricsSink {
    private static final String NAMESPACE = System.getenv().getOrDefault("POWERTOOLS_METRICS_NAMESPACE", "NIJA");

    @Override
    public void publish(String service, List<Metric> metrics) {
        Metrics powertools = MetricsFactory.getMetricsInstance();
        // flushMetrics gives each call its own EMF context, so concurrent invocations never mix data points.
        powertools.flushMetrics(m -> {
            m.setNamespace(NAMESPACE);
            m.setDefaultDimensions(DimensionSet.of("service", service));
            for (Metric metric : metrics) {
                if (metric.dimensionName() != null) {
                    m.addDimension(metric.dimensionName(), metric.dimensionValue());
                }
                m.addMetric(metric.name(), metric.value(),
                        metric.unit() == Metric.Unit.COUNT ? MetricUnit.COUNT : MetricUnit.MILLISECONDS);
            }
        });
    }
}
