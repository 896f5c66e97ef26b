package com.nija.shared.capacity;

import com.nija.shared.capacity.CapacityReport.FunctionLoad;
import com.nija.shared.capacity.CapacityReport.LimitCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Projects a {@link Workload} onto AWS: signal → order p99 (through {@link SignalPath}), each function's concurrency,
 * and every quota the burst of one signal's orders and the steady traffic lean on, sorted so the one met first comes
 * first. Inputs are the project's measured per-order and per-request costs ({@code measured-costs.json}) and AWS's
 * documented quotas and latencies ({@code aws-quotas.json}).
 */
public final class CapacityModel {
    /** The blueprint's "Trade Execution: < 2 seconds (signal to order)". */
    public static final double TARGET_MS = 2000;
    /** Share of reads answered from the cache (assumption: the read benchmarks force misses, they do not count them). */
    static final double CACHE_HIT_SHARE = 0.9;
    /** The busiest minute against the day's average for steady traffic (assumption; signal bursts are modelled apart). */
    static final double PEAK_FACTOR = 3;
    /** After a deploy or a network blip every connected client reconnects within this many seconds (assumption). */
    static final double RECONNECT_SURGE_SECONDS = 60;

    private final CitedFigures aws;
    private final CitedFigures measured;
    private final SignalPath path;
    private final int deployedConcurrency;

    /** Compared with the executor concurrency the CDK app deploys by default ({@link ExecutorConcurrency}). */
    public CapacityModel(CitedFigures aws, CitedFigures measured, int executorMemoryMb) {
        this(aws, measured, executorMemoryMb, ExecutorConcurrency.deployedDefault().maxConcurrency());
    }

    public CapacityModel(CitedFigures aws, CitedFigures measured, int executorMemoryMb, int deployedConcurrency) {
        this.aws = aws;
        this.measured = measured;
        this.path = new SignalPath(aws, measured, executorMemoryMb);
        this.deployedConcurrency = deployedConcurrency;
    }

    public static CapacityModel standard() {
        return new CapacityModel(CitedFigures.resource("aws-quotas.json"), CitedFigures.resource("measured-costs.json"),
                1024);
    }

    public SignalPath path() {
        return path;
    }

    public CapacityReport project(Workload w) {
        int n = w.followersPerSignal();
        int current = deployedConcurrency;
        var recommended = path.recommendedConcurrency(n, TARGET_MS);
        // Sized at the recommendation; without one, at the most AWS allows (the limits then show why it is not enough).
        int sized = recommended.orElse((int) aws.value("lambda.sqs-max-concurrency"));
        List<FunctionLoad> functions = functions(w, sized);
        return new CapacityReport(w, TARGET_MS, path.orderServiceMs(), current, path.p99Ms(n, current), recommended,
                recommended.isPresent() ? path.p99Ms(n, recommended.getAsInt()) : Double.NaN, functions,
                limits(w, sized, functions));
    }

    private List<FunctionLoad> functions(Workload w, int concurrency) {
        double ddb = aws.value("latency.dynamodb-call-ms");
        double redis = aws.value("latency.redis-call-ms");
        double sqs = aws.value("latency.sqs-call-ms");
        double cpuCall = measured.value("cpu.dynamodb-call-ms");
        int n = w.followersPerSignal();
        List<FunctionLoad> out = new ArrayList<>();
        double readMs = 2 * redis + path.lambdaCpuMs(measured.value("cpu.cached-read-ms"))
                + (1 - CACHE_HIT_SHARE) * measured.value("read.dynamodb-calls-dashboard-miss") * (ddb + path.lambdaCpuMs(cpuCall));
        out.add(steady("read API (dashboard, positions, trades, performance)", w.readsPerSecond(), readMs));
        out.add(steady("put-settings", w.settingsSavesPerSecond(), 3 * ddb + 3 * redis + path.lambdaCpuMs(3 * cpuCall)));
        double signals = w.signalsPerHour() / 3600;
        out.add(steady("signal-intake", signals, path.intakeMs(n)));
        if (n > measured.value("signal.inline-fanout-max")) out.add(steady("signal-fanout", signals, path.fanoutMs(n)));
        double batch = Math.min(aws.value("sqs.batch-size"), Math.ceil((double) n / Math.min(concurrency, n)));
        double service = path.orderServiceMs();
        out.add(new FunctionLoad("order-executor", w.ordersPerSecond() / batch, batch * service,
                w.ordersPerSecond() * service / 1000, Math.min(concurrency, n)));
        out.add(steady("price-ingest", w.priceBatchesPerMinute() / 60, measured.value("prices.batch-ms")));
        out.add(steady("stripe-webhook", w.traders() * w.webhooksPerTraderPerMonth() / Workload.SECONDS_PER_MONTH,
                3 * ddb + path.lambdaCpuMs(3 * cpuCall)));
        out.add(steady("ws-connect (+ authorizer)", w.connections() / aws.value("apigateway.ws-connection-duration-s"),
                ddb + path.lambdaCpuMs(cpuCall)));
        return out;
    }

    private static FunctionLoad steady(String function, double perSecond, double durationMs) {
        double average = perSecond * durationMs / 1000;
        return new FunctionLoad(function, perSecond, durationMs, average,
                perSecond == 0 ? 0 : Math.max(1, Math.ceil(average * PEAK_FACTOR)));
    }

    private List<LimitCheck> limits(Workload w, int concurrency, List<FunctionLoad> functions) {
        int n = w.followersPerSignal();
        int c = Math.min(concurrency, n);
        double service = path.orderServiceMs();
        double batchSize = aws.value("sqs.batch-size");
        double batch = Math.min(batchSize, Math.ceil((double) n / c));
        double burstOrdersPerSecond = c * 1000 / service;
        double sendsPerSecond = Math.min(Math.ceil(n / batchSize),
                measured.value("signal.fanout-senders") * 1000 / aws.value("latency.sqs-call-ms"));
        double receivesPerSecond = c * 1000 / (batch * service + aws.value("latency.sqs-to-lambda-ms"));
        double writesPerOrder = measured.value("order.dynamodb-writes-close");
        double readsPerOrder = measured.value("order.dynamodb-calls-open") - measured.value("order.dynamodb-writes-open");
        double readMisses = w.readsPerSecond() * PEAK_FACTOR * (1 - CACHE_HIT_SHARE)
                * measured.value("read.dynamodb-calls-dashboard-miss");
        double httpPerSecond = (w.readsPerSecond() + w.settingsSavesPerSecond()) * PEAK_FACTOR
                + w.priceBatchesPerMinute() / 60 + w.signalsPerHour() / 3600;
        double pushesPerSecond = burstOrdersPerSecond * w.connectedShare() * measured.value("order.pushes-messages");
        double signalsPerSecondPerTrader = Math.max(1, Math.ceil(w.signalsPerHour() / 3600));
        double peakSum = functions.stream().mapToDouble(FunctionLoad::peak).sum();

        List<LimitCheck> limits = new ArrayList<>(List.of(
                check("Lambda account concurrency (all functions at their peak)", peakSum,
                        aws.value("lambda.account-concurrency") - aws.value("lambda.unreserved-minimum"),
                        "concurrent executions", "lambda.account-concurrency"),
                check("Lambda scaling rate (executor from cold in one burst)", c, "lambda.scaling-rate",
                        "new environments per 10 s"),
                check("Lambda SQS event source maximum concurrency (executor)", concurrency, "lambda.sqs-max-concurrency",
                        "concurrent batches"),
                check("SQS FIFO orders queue: SendMessageBatch calls (one signal's burst)", sendsPerSecond,
                        "sqs.fifo-calls-per-second", "calls/s"),
                check("SQS FIFO orders queue: messages sent (one signal's burst)", Math.min(n, sendsPerSecond * batchSize),
                        "sqs.fifo-messages-per-second-batched", "messages/s"),
                check("SQS FIFO orders queue: ReceiveMessage calls (executor at full concurrency)", receivesPerSecond,
                        "sqs.fifo-calls-per-second", "calls/s"),
                check("SQS FIFO orders queue: DeleteMessageBatch calls", receivesPerSecond, "sqs.fifo-calls-per-second",
                        "calls/s"),
                check("SQS FIFO message group (one trader, one message in flight at a time)",
                        w.signalsPerHour() / 3600, aws.value("sqs.fifo-in-flight-per-group") * 1000
                                / (service + aws.value("latency.sqs-to-lambda-ms")), "messages/s",
                        "sqs.fifo-in-flight-per-group"),
                check("DynamoDB partition writes (one trader, a closing fill per signal)",
                        writesPerOrder * signalsPerSecondPerTrader, "dynamodb.partition-wcu", "WCU/s"),
                check("DynamoDB partition reads (one trader)", (readsPerOrder + measured.value("read.dynamodb-calls-dashboard-miss"))
                        * signalsPerSecondPerTrader, "dynamodb.partition-rcu", "RCU/s"),
                check("DynamoDB table writes (executor burst)", burstOrdersPerSecond * writesPerOrder,
                        "dynamodb.table-throughput", "WRU/s"),
                check("DynamoDB table reads (executor burst + read misses)",
                        burstOrdersPerSecond * readsPerOrder + readMisses, "dynamodb.table-throughput", "RRU/s"),
                check("API Gateway account requests (HTTP + @connections posts at a signal's burst)",
                        httpPerSecond + pushesPerSecond, "apigateway.account-rps", "requests/s"),
                check("API Gateway WebSocket new connections (all connected clients reconnect within "
                        + (int) RECONNECT_SURGE_SECONDS + " s)", w.connections() / RECONNECT_SURGE_SECONDS,
                        "apigateway.ws-new-connections-per-second", "connections/s")));
        limits.sort(Comparator.comparingDouble(LimitCheck::utilization).reversed());
        return limits;
    }

    private LimitCheck check(String limit, double needed, String quota, String unit) {
        return new LimitCheck(limit, needed, aws.value(quota), unit, aws.figure(quota).source());
    }

    private LimitCheck check(String limit, double needed, double quota, String unit, String sourceFigure) {
        return new LimitCheck(limit, needed, quota, unit, aws.figure(sourceFigure).source());
    }
}
