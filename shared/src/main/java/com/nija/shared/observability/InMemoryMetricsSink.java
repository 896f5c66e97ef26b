package com.nija.shared.observability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;

/** Totals per metric name (and dimension), for the local platform and tests that check a fallback was counted. */
public final class InMemoryMetricsSink implements MetricsSink {
    private final Map<String, DoubleAdder> totals = new ConcurrentHashMap<>();

    @Override
    public void publish(String service, List<Metric> metrics) {
        for (Metric metric : metrics) {
            String key = metric.dimensionName() == null ? metric.name()
                    : metric.name() + "{" + metric.dimensionName() + "=" + metric.dimensionValue() + "}";
            totals.computeIfAbsent(key, k -> new DoubleAdder()).add(metric.value());
        }
    }

    public double total(String key) {
        DoubleAdder adder = totals.get(key);
        return adder == null ? 0 : adder.sum();
    }

    public Map<String, Double> snapshot() {
        Map<String, Double> copy = new TreeMap<>();
        totals.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
