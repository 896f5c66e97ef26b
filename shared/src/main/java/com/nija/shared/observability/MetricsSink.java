package com.nija.shared.observability;

import java.util.List;

/** Where an invocation's metrics go: CloudWatch EMF in AWS, an in-memory tally on the local platform. */
public interface MetricsSink {
    void publish(String service, List<Metric> metrics);
}
