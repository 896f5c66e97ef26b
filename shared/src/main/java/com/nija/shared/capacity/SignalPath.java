package com.nija.shared.capacity;

/**
 * Signal → order on AWS, from the signal's arrival to the fill of its followers' orders: intake (or intake plus the
 * fan-out function above the inline limit) puts every order on the FIFO orders queue, and the executor — at most
 * {@code concurrency} invocations, each taking a batch of up to 10 messages and handling them one after another —
 * fills them. Every step costs the number of round trips the benchmarks counted times AWS's per-call latency,
 * plus the CPU the benchmarks measured, scaled to the function's share of a vCPU.
 */
public final class SignalPath {
    /** An SQS event source's maximum concurrency is 2 to 1,000 (aws-quotas.json, lambda.sqs-max-concurrency). */
    static final int MIN_CONCURRENCY = 2;

    private final CitedFigures aws;
    private final CitedFigures measured;
    private final int executorMemoryMb;

    public SignalPath(CitedFigures aws, CitedFigures measured, int executorMemoryMb) {
        if (executorMemoryMb < 128) throw new IllegalArgumentException("executor memory must be at least 128 MB");
        this.aws = aws;
        this.measured = measured;
        this.executorMemoryMb = executorMemoryMb;
    }

    /** CPU time a local core spent, stretched by the function's fraction of a vCPU (below 1,769 MB it gets less). */
    double lambdaCpuMs(double localCoreMs) {
        return localCoreMs * Math.max(1.0, aws.value("lambda.memory-per-vcpu-mb") / executorMemoryMb);
    }

    /** One order in the executor: DynamoDB and Redis rounds, the push post and the CPU of its DynamoDB calls. */
    public double orderServiceMs() {
        double io = measured.value("order.dynamodb-rounds") * aws.value("latency.dynamodb-call-ms")
                + measured.value("order.redis-rounds") * aws.value("latency.redis-call-ms");
        double cpu = lambdaCpuMs(measured.value("order.dynamodb-calls-close") * measured.value("cpu.dynamodb-call-ms")
                + measured.value("order.push-post-ms"));
        return io + cpu;
    }

    /** Signal received → the last of its {@code followers} orders is on the orders queue. */
    public double enqueuedMs(int followers) {
        double ms = aws.value("latency.api-gateway-overhead-ms") + intakeMs(followers);
        if (followers > measured.value("signal.inline-fanout-max")) {
            ms += aws.value("latency.sqs-to-lambda-ms") + fanoutMs(followers);
        }
        return ms;
    }

    /** The intake function's own time: the signal record, the follower list, and the sends or the hand-off. */
    public double intakeMs(int followers) {
        double ms = measured.value("signal.intake-dynamodb-calls") * aws.value("latency.dynamodb-call-ms")
                + aws.value("latency.redis-call-ms");
        return ms + (followers > measured.value("signal.inline-fanout-max") ? aws.value("latency.sqs-call-ms")
                : sendMs(followers));
    }

    /** The fan-out function's time for a signal with more followers than intake fans out itself. */
    public double fanoutMs(int followers) {
        return aws.value("latency.redis-call-ms") + sendMs(followers);
    }

    /** Batches of 10 orders, {@code signal.fanout-senders} batches in flight at a time. */
    double sendMs(int followers) {
        double batches = Math.ceil(followers / aws.value("sqs.batch-size"));
        return Math.ceil(batches / measured.value("signal.fanout-senders")) * aws.value("latency.sqs-call-ms");
    }

    /**
     * The 99th-percentile follower's signal → order time when {@code followers} orders are filled by at most
     * {@code concurrency} executor invocations. FIFO ordering per trader (message group) caps the useful
     * concurrency at the number of followers.
     */
    public double p99Ms(int followers, int concurrency) {
        if (followers < 1) throw new IllegalArgumentException("followers must be at least 1");
        if (concurrency < MIN_CONCURRENCY) throw new IllegalArgumentException("concurrency must be at least 2");
        int c = Math.min(concurrency, followers);
        int k = (int) Math.ceil(0.99 * followers);
        double batch = Math.min(aws.value("sqs.batch-size"), Math.ceil((double) followers / c));
        double invocationRounds = Math.ceil(k / (c * batch));
        double ordersAhead = Math.ceil((double) k / c);
        return enqueuedMs(followers) + invocationRounds * aws.value("latency.sqs-to-lambda-ms")
                + ordersAhead * orderServiceMs();
    }

    /**
     * The smallest event-source maximum concurrency whose p99 is within {@code targetMs}, or empty when even the
     * AWS maximum (1,000 per event source) is not enough.
     */
    public java.util.OptionalInt recommendedConcurrency(int followers, double targetMs) {
        int max = (int) aws.value("lambda.sqs-max-concurrency");
        for (int c = MIN_CONCURRENCY; c <= max; c++) {
            if (p99Ms(followers, c) <= targetMs) return java.util.OptionalInt.of(c);
            if (c >= followers) break; // more concurrency than message groups buys nothing
        }
        return java.util.OptionalInt.empty();
    }

    public int executorMemoryMb() {
        return executorMemoryMb;
    }
}
