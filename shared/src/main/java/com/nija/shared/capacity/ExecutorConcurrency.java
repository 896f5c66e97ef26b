package com.nija.shared.capacity;

/**
 * The order executor's concurrency the CDK app deploys unless context {@code executorConcurrency} says otherwise, and
 * the {@code capacity} command reports as the deployed default: {@link CapacityModel}'s recommendation for one design
 * point, stored in the versioned {@code executor-concurrency.json} so a change to the model or its inputs that moves
 * the recommendation fails {@code ExecutorConcurrencyTest} until the stored value follows.
 *
 * @param designTraders      traders the default is sized for
 * @param designFollowers    followers of each signal at that point (the burst)
 * @param maxConcurrency     the SQS event source's maximum concurrency
 * @param reservedConcurrency the function's reserved concurrency
 */
public record ExecutorConcurrency(int designTraders, int designFollowers, int maxConcurrency, int reservedConcurrency) {
    /** SQS event sources accept a maximum concurrency of 2 to 1,000 (Lambda developer guide, "maximum concurrency"). */
    public static final int MIN = 2;
    public static final int MAX = 1000;

    public ExecutorConcurrency {
        if (maxConcurrency < MIN || maxConcurrency > MAX) {
            throw new IllegalArgumentException("executor maximum concurrency must be " + MIN + ".." + MAX);
        }
        if (reservedConcurrency < maxConcurrency) {
            throw new IllegalArgumentException("executor reservation below its event source's maximum only throttles");
        }
    }

    /** The stored default ({@code nija/capacity/executor-concurrency.json}). */
    public static ExecutorConcurrency deployedDefault() {
        CitedFigures f = CitedFigures.resource("executor-concurrency.json");
        return new ExecutorConcurrency((int) f.value("design.traders"), (int) f.value("design.followers-per-signal"),
                (int) f.value("executor.max-concurrency"), (int) f.value("executor.reserved-concurrency"));
    }

    /** The workload the default is sized for. */
    public Workload designWorkload() {
        return Workload.defaults(designTraders).withFollowers(designFollowers);
    }
}
