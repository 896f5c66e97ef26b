package com.nija.cdk.functions;

import com.nija.functions.routes.Worker;
import java.util.Map;

/**
 * Time budget of a queue worker's invocation. AWS's rule for SQS event sources: the queue's visibility timeout is at
 * least six times the function's timeout, so the timeout is a sixth of the visibility. A worker that handles its
 * batch one message at a time must fit the whole batch in that timeout: the batch is cut to what fits, given how long
 * one message may take ({@link #PER_MESSAGE_SECONDS}) and the time a restored SnapStart environment needs before the
 * first message ({@link #START_SECONDS}).
 *
 * <p>The order executor places each order with a venue: 8 s per order (the venue's answer, with one retry) against a
 * 10 s timeout gives a batch of one. FIFO delivery runs one trader's orders one after another anyway, so a batch of
 * one costs no throughput; it only costs one invocation per order. The route table's batch size is the upper bound.
 */
public final class WorkerBudget {
    /** Seconds one message may take, for workers that run their batch one by one against an outside service. */
    static final Map<String, Integer> PER_MESSAGE_SECONDS = Map.of("order-executor", 8);
    /** SnapStart restore, hooks and the first request's warm-up before the first message. */
    static final int START_SECONDS = 2;
    /** AWS: visibility timeout ≥ 6 × function timeout for an SQS event source. */
    static final int VISIBILITY_FACTOR = 6;

    private WorkerBudget() {}

    public static int timeoutSeconds(Worker w) {
        return (int) Math.max(1, w.queue().visibilityTimeout().toSeconds() / VISIBILITY_FACTOR);
    }

    /** The event source's batch size: the route table's, cut to what fits in the timeout. */
    public static int batchSize(Worker w) {
        Integer perMessage = PER_MESSAGE_SECONDS.get(w.function());
        if (perMessage == null) return w.batchSize();
        int fits = (timeoutSeconds(w) - START_SECONDS) / perMessage;
        if (fits < 1) {
            throw new IllegalStateException(w.function() + ": one message (" + perMessage + " s) does not fit in "
                    + timeoutSeconds(w) + " s; raise the queue's visibility timeout to at least "
                    + VISIBILITY_FACTOR * (perMessage + START_SECONDS) + " s");
        }
        return Math.min(w.batchSize(), fits);
    }

    /** Seconds one message may take, if the worker has a per-message budget. */
    public static java.util.Optional<Integer> perMessageSeconds(Worker w) {
        return java.util.Optional.ofNullable(PER_MESSAGE_SECONDS.get(w.function()));
    }
}
