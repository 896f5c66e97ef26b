package com.nija.cdk.ops;

import com.nija.cdk.functions.FunctionFactory;
import com.nija.cdk.functions.NijaFunction;
import com.nija.cdk.network.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One CloudWatch dashboard per region: API latency and errors, functions, signal→order latency, orders, pushes,
 * cache hit rate, queues, table, cache nodes. The application's own metrics (Powertools EMF, namespace NIJA,
 * dimension {@code service}) are found with SEARCH, so a new handler's metrics appear without a change here.
 */
public final class OpsDashboard extends Construct {
    static final Duration PERIOD = Duration.minutes(5);
    private final Dashboard dashboard;

    public OpsDashboard(Construct scope, String id, String name, HttpApi api, List<NijaFunction> functions,
                        Map<String, IQueue> queues, Map<String, IQueue> deadLetters, String tableName,
                        Optional<Cache> cache) {
        super(scope, id);
        List<List<IWidget>> rows = new ArrayList<>();
        rows.add(List.of(
                graph("API latency (ms)", List.of(
                        api.metricLatency(opts("p50")), api.metricLatency(opts("p95")), api.metricLatency(opts("p99")))),
                graph("API requests and errors", List.of(
                        api.metricCount(opts("Sum")), api.metricClientError(opts("Sum")),
                        api.metricServerError(opts("Sum"))))));
        rows.add(List.of(
                graph("Function errors", functions.stream()
                        .map(f -> (IMetric) f.function().metricErrors(opts("Sum", f.name())))
                        .toList()),
                graph("Function duration p95 (ms)", functions.stream()
                        .map(f -> (IMetric) f.function().metricDuration(opts("p95", f.name())))
                        .toList())));
        rows.add(List.of(
                graph("Signal → order (ms)", List.of(search("SignalToOrder", "p50"), search("SignalToOrder", "p95"))),
                graph("Orders", List.of(search("OrderFilled", "Sum"), search("OrderRefused", "Sum"),
                        search("SignalFannedOut", "Sum")))));
        rows.add(List.of(
                graph("Pushes", List.of(search("PushSent", "Sum"), search("PushGone", "Sum"),
                        search("PushFailed", "Sum"), search("PushRetried", "Sum"))),
                graph("Cache hits, misses, outages", List.of(search("CacheHit", "Sum"), search("CacheMiss", "Sum"),
                        search("CacheUnavailable", "Sum")))));
        List<IMetric> queueMetrics = new ArrayList<>();
        queues.forEach((qid, q) -> {
            queueMetrics.add(q.metricApproximateNumberOfMessagesVisible(opts("Maximum", qid + " visible")));
            queueMetrics.add(q.metricApproximateAgeOfOldestMessage(opts("Maximum", qid + " oldest (s)")));
        });
        deadLetters.forEach((qid, q) -> queueMetrics.add(
                q.metricApproximateNumberOfMessagesVisible(opts("Maximum", qid + " DLQ"))));
        rows.add(List.of(
                graph("Queues", queueMetrics),
                graph("DynamoDB " + tableName, List.of(
                        table(tableName, "SuccessfulRequestLatency", "Average"),
                        table(tableName, "ReadThrottleEvents", "Sum"), table(tableName, "WriteThrottleEvents", "Sum"),
                        table(tableName, "ConsumedReadCapacityUnits", "Sum"),
                        table(tableName, "ConsumedWriteCapacityUnits", "Sum")))));
        cache.filter(c -> !c.serverless()).ifPresent(c -> rows.add(List.of(
                graph("Cache engine CPU %", new ArrayList<IMetric>(c.nodeMetrics("EngineCPUUtilization", PERIOD))),
                graph("Cache memory %", new ArrayList<IMetric>(c.nodeMetrics("DatabaseMemoryUsagePercentage", PERIOD))))));
        // A serverless cache bills ECPUs and stored bytes: the two lines of its cost, and its throttling.
        cache.filter(Cache::serverless).ifPresent(c -> rows.add(List.of(
                graph("Cache ECPUs and throttled commands", List.of(
                        c.serverlessMetric("ElastiCacheProcessingUnits", "Sum", PERIOD),
                        c.serverlessMetric("ThrottledCmds", "Sum", PERIOD))),
                graph("Cache bytes stored", List.of(c.serverlessMetric("BytesUsedForCache", "Maximum", PERIOD))))));
        dashboard = Dashboard.Builder.create(this, "Dashboard").dashboardName(name).widgets(rows).build();
    }

    private static MetricOptions opts(String statistic) {
        return MetricOptions.builder().statistic(statistic).period(PERIOD).build();
    }

    private static MetricOptions opts(String statistic, String label) {
        return MetricOptions.builder().statistic(statistic).period(PERIOD).label(label).build();
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(12).height(6).build();
    }

    private static IMetric search(String metricName, String statistic) {
        return MathExpression.Builder.create()
                .expression("SEARCH('{" + FunctionFactory.METRICS_NAMESPACE + ",service} MetricName=\"" + metricName
                        + "\"', '" + statistic + "', " + PERIOD.toSeconds().intValue() + ")")
                .usingMetrics(Map.of())
                .label(metricName + " " + statistic)
                .period(PERIOD)
                .build();
    }

    private static Metric table(String tableName, String metric, String statistic) {
        return Metric.Builder.create().namespace("AWS/DynamoDB").metricName(metric)
                .dimensionsMap(Map.of("TableName", tableName)).statistic(statistic).period(PERIOD).label(metric).build();
    }

    public Dashboard dashboard() {
        return dashboard;
    }
}
