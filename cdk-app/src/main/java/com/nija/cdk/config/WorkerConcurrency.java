package com.nija.cdk.config;

import com.nija.functions.routes.Worker;
import com.nija.shared.capacity.ExecutorConcurrency;
import java.util.Optional;

/**
 * The concurrency each queue worker runs at: the order executor's from the capacity model
 * ({@link ExecutorConcurrency#deployedDefault()}, the same stored value the {@code capacity} command reports), or from
 * context {@code executorConcurrency} (one number: the event source's maximum concurrency and the reservation); every
 * other worker's from the route table. Context {@code reservedConcurrency} still overrides or drops the reservation,
 * and the event source then follows the lower reservation ({@code RegionalStack}).
 */
public record WorkerConcurrency(int executorMax, int executorReserved) {
    public static final String CONTEXT_KEY = "executorConcurrency";
    public static final String EXECUTOR = "order-executor";

    static WorkerConcurrency parse(Optional<String> raw) {
        if (raw.isEmpty()) {
            ExecutorConcurrency d = ExecutorConcurrency.deployedDefault();
            return new WorkerConcurrency(d.maxConcurrency(), d.reservedConcurrency());
        }
        int n;
        try {
            n = Integer.parseInt(raw.get().trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < ExecutorConcurrency.MIN || n > ExecutorConcurrency.MAX) {
            throw new IllegalArgumentException(CONTEXT_KEY + ": '" + raw.get() + "' is not a whole number from "
                    + ExecutorConcurrency.MIN + " to " + ExecutorConcurrency.MAX + " (SQS event source maximum concurrency)");
        }
        return new WorkerConcurrency(n, n);
    }

    /** The worker's event-source maximum concurrency before any lower reservation. */
    public int bound(Worker w) {
        return w.function().equals(EXECUTOR) ? executorMax : w.maxConcurrency();
    }

    /** The reservation the worker gets when reservations are on (before {@code reservedConcurrency} overrides). */
    public int reservation(Worker w) {
        return w.function().equals(EXECUTOR) ? executorReserved : w.maxConcurrency();
    }
}
