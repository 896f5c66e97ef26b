package com.nija.shared.observability;

/** One data point: a count or a latency in milliseconds, with an optional dimension (e.g. error type). */
public record Metric(String name, double value, Unit unit, String dimensionName, String dimensionValue) {
    public enum Unit { COUNT, MILLISECONDS }

    public static Metric count(String name) {
        return new Metric(name, 1, Unit.COUNT, null, null);
    }

    public static Metric count(String name, String dimensionName, String dimensionValue) {
        return new Metric(name, 1, Unit.COUNT, dimensionName, dimensionValue);
    }

    public static Metric millis(String name, double millis) {
        return new Metric(name, millis, Unit.MILLISECONDS, null, null);
    }
}
