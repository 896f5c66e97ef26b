package com.nija.shared.capacity;

import java.util.List;
import java.util.OptionalInt;

/**
 * What {@link CapacityModel} projects for one workload.
 *
 * @param workload                the traffic projected
 * @param orderServiceMs          one order's time in the executor
 * @param p99AtCurrentMs          signal → order p99 at the executor concurrency the CDK app deploys by default
 *                                ({@code currentConcurrency}, {@link ExecutorConcurrency})
 * @param recommendedConcurrency  the smallest executor event-source maximum concurrency meeting the target, if any
 * @param p99AtRecommendedMs      signal → order p99 at the recommendation (NaN when there is none)
 * @param functions               concurrency per function
 * @param limits                  every quota checked, the one met first at the top
 */
public record CapacityReport(Workload workload, double targetMs, double orderServiceMs, int currentConcurrency,
                             double p99AtCurrentMs, OptionalInt recommendedConcurrency, double p99AtRecommendedMs,
                             List<FunctionLoad> functions, List<LimitCheck> limits) {

    /** A function's average and peak concurrency (Little's law: arrivals per second × seconds per invocation). */
    public record FunctionLoad(String function, double invocationsPerSecond, double durationMs, double average,
                               double peak) {}

    /** One quota: what the workload needs at its peak against what AWS allows. */
    public record LimitCheck(String limit, double needed, double quota, String unit, String source) {
        public double utilization() {
            return quota == 0 ? Double.POSITIVE_INFINITY : needed / quota;
        }

        public boolean exceeded() {
            return needed > quota;
        }
    }

    /** The quota with the highest utilization: the one this workload meets first. */
    public LimitCheck firstLimit() {
        return limits.get(0);
    }
}
