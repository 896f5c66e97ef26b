package com.nija.cdk.ops;

import com.nija.cdk.config.AppConfig;
import com.nija.cdk.config.Names;
import com.nija.cdk.functions.FunctionFactory;
import com.nija.cdk.functions.FunctionProfile;
import com.nija.cdk.functions.FunctionSpec;
import com.nija.functions.alerts.AlertWebhookHandler;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.events.targets.SnsTopicProps;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import com.nija.cdk.functions.NijaFunction;
import com.nija.cdk.network.Cache;
import com.nija.shared.observability.Telemetry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The blueprint's alert rules ("Monitoring &amp; Alerts") as CloudWatch alarms, each sending to the SNS topic of its
 * severity: critical pages on-call, warning goes to chat, info is a record (deployments completed, the kill switch
 * released). The functions' own business alerts (docs/ALERTS.md) are published to the same three topics; an optional
 * forwarder posts all of them to a chat webhook.
 */
public final class Alerting extends Construct {
    /** Blueprint critical: error rate > 5%. Measured as 5xx / requests of the HTTP API. */
    public static final double CRITICAL_5XX_PERCENT = 5;
    /** Blueprint critical: API p95 latency > 1 s. */
    public static final double CRITICAL_P95_LATENCY_MS = 1000;
    /** Blueprint warning: error rate > 1%. */
    public static final double WARNING_5XX_PERCENT = 1;
    /** Blueprint warning: CPU > 80% for 10 minutes (two 5-minute periods). */
    public static final double WARNING_CACHE_CPU_PERCENT = 80;
    /** Blueprint warning: memory > 85%. */
    public static final double WARNING_CACHE_MEMORY_PERCENT = 85;
    /**
     * Live pushes that failed after their retries, as a share of a pushing function's messages, for 10 minutes:
     * traders are missing updates (they refetch on the gap, so it is a warning, not a page).
     */
    public static final double WARNING_PUSH_FAILED_PERCENT = 5;
    static final Duration PERIOD = Duration.minutes(5);

    /** Where the functions read the topics (shared {@code AlertsConfig}). */
    public static final String CRITICAL_TOPIC_ENV = "NIJA_ALERTS_CRITICAL_TOPIC_ARN";
    public static final String WARNING_TOPIC_ENV = "NIJA_ALERTS_WARNING_TOPIC_ARN";
    public static final String INFO_TOPIC_ENV = "NIJA_ALERTS_INFO_TOPIC_ARN";
    /** The chat forwarder's function name. */
    public static final String FORWARDER = "alert-webhook";
    /**
     * The functions where business alerts are raised (docs/ALERTS.md): the kill switch, the engine's auto-pause
     * (wherever orders execute: the executor, a close, an admin's flatten), reconciliation's drift, the Stripe
     * webhook and the quiet-source check. Elsewhere nothing raises one, so nothing else may publish.
     */
    public static final java.util.Set<String> RAISED_IN = java.util.Set.of("kill-switch", "order-executor",
            "close-position", "flatten-trader", "reconcile-venues", "stripe-webhook", "check-quiet-sources");

    private final Topic critical;
    private final Topic warning;
    private final Topic info;
    private final Key key;
    private final Map<String, Alarm> alarms = new LinkedHashMap<>();

    public Alerting(Construct scope, String id, AppConfig config, Names names) {
        super(scope, id);
        // Alarm topics are encrypted with our own key: CloudWatch cannot publish to a topic under the AWS managed
        // SNS key, so the key policy lets the CloudWatch service use this one.
        key = Key.Builder.create(this, "TopicKey")
                .description("NIJA " + config.stage().label() + " alarm topics")
                .enableKeyRotation(true)
                .removalPolicy(config.stage().removalPolicy())
                .build();
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        // EventBridge publishes the deployment notices to the info topic under the same key.
        key.grant(new ServicePrincipal("events.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        critical = topic("Critical", names.of("alarms-critical"), key, config.alarmEmail());
        warning = topic("Warning", names.of("alarms-warning"), key, config.alarmEmail());
        // Blueprint info is "log only": no email, read in the chat channel (forwarder) or the topic's subscribers.
        info = topic("Info", names.of("alarms-info"), key, Optional.empty());
    }

    private Topic topic(String id, String name, Key key, Optional<String> email) {
        Topic t = Topic.Builder.create(this, id).topicName(name).displayName(name).masterKey(key).enforceSsl(true).build();
        email.ifPresent(e -> t.addSubscription(new EmailSubscription(e)));
        return t;
    }

    /** 5xx rate (critical above 5%, warning above 1%) and p95 latency (critical above 1 s) of the HTTP API. */
    public void api(HttpApi api) {
        MathExpression rate = MathExpression.Builder.create()
                .expression("IF(requests > 0, 100 * errors / requests, 0)")
                .usingMetrics(Map.of(
                        "errors", api.metricServerError(MetricOptions.builder().statistic("Sum").period(PERIOD).build()),
                        "requests", api.metricCount(MetricOptions.builder().statistic("Sum").period(PERIOD).build())))
                .label("5xx % of requests")
                .period(PERIOD)
                .build();
        add("Api5xxRateCritical", critical, rate, CRITICAL_5XX_PERCENT, 1,
                "API 5xx above " + CRITICAL_5XX_PERCENT + "% of requests (blueprint critical: error rate > 5%)");
        add("ApiLatencyP95Critical", critical,
                api.metricLatency(MetricOptions.builder().statistic("p95").period(PERIOD).build()),
                CRITICAL_P95_LATENCY_MS, 1, "API p95 latency above 1 s (blueprint critical)");
        add("Api5xxRateWarning", warning, rate, WARNING_5XX_PERCENT, 1,
                "API 5xx above " + WARNING_5XX_PERCENT + "% of requests (blueprint warning: error rate > 1%)");
    }

    /**
     * The hosted dashboard: CloudFront's 5xx rate (its own errors and the S3 or API origin's), critical above 5 %,
     * warning above 1 %, as for the API. The rate is already a percentage of requests.
     */
    public void dashboard(software.amazon.awscdk.services.cloudfront.Distribution distribution) {
        // CloudFront's metrics carry DistributionId and Region, whose value is always "Global" (CloudFront developer
        // guide, "Types of CloudFront metrics"); CDK's metric5xxErrorRate leaves Region out, and a metric missing a
        // dimension matches no datapoint.
        IMetric rate = software.amazon.awscdk.services.cloudwatch.Metric.Builder.create()
                .namespace("AWS/CloudFront").metricName("5xxErrorRate")
                .dimensionsMap(Map.of("DistributionId", distribution.getDistributionId(), "Region", "Global"))
                .statistic("Average").period(PERIOD).build();
        add("Dashboard5xxRateCritical", critical, rate, CRITICAL_5XX_PERCENT, 1,
                "Dashboard (CloudFront) 5xx above " + CRITICAL_5XX_PERCENT + "% of requests");
        add("Dashboard5xxRateWarning", warning, rate, WARNING_5XX_PERCENT, 1,
                "Dashboard (CloudFront) 5xx above " + WARNING_5XX_PERCENT + "% of requests");
    }

    /** Any message in a dead-letter queue is critical: an order or signal that could not be processed. */
    public void deadLetters(Map<String, IQueue> dlqs) {
        dlqs.forEach((queueId, dlq) -> deadLetter("Dlq-" + queueId, critical, dlq, "the " + queueId + " dead-letter "
                + "queue (an order or signal the workers gave up on)", "find its id in the "
                + (queueId.equals("orders") ? "order-executor" : "signal-fanout") + " log, fix the cause, then redrive"
                + " it (SQS console: Start DLQ redrive)"));
    }

    /** An alarm on any message in {@code dlq}: the description says which queue and the first thing to check. */
    private void deadLetter(String id, Topic topic, IQueue dlq, String what, String firstCheck) {
        add(id, topic, dlq.metricApproximateNumberOfMessagesVisible(MetricOptions.builder().statistic("Maximum")
                        .period(Duration.minutes(1)).build()),
                0, 1, "A message reached " + what + ". First check: read it (SQS console, Poll for messages), " + firstCheck
                        + ".");
    }

    /** Any throttled read or write on a table is critical: on-demand tables only throttle at their limits. */
    public void tableThrottling(String tableName) {
        Map<String, IMetric> metrics = new LinkedHashMap<>();
        metrics.put("reads", tableMetric(tableName, "ReadThrottleEvents"));
        metrics.put("writes", tableMetric(tableName, "WriteThrottleEvents"));
        MathExpression throttles = MathExpression.Builder.create()
                .expression("FILL(reads, 0) + FILL(writes, 0)")
                .usingMetrics(metrics)
                .label("throttled requests")
                .period(PERIOD)
                .build();
        add("TableThrottled-" + tableName, critical, throttles, 0, 1, "DynamoDB throttled requests on " + tableName);
    }

    private static Metric tableMetric(String table, String name) {
        return Metric.Builder.create().namespace("AWS/DynamoDB").metricName(name)
                .dimensionsMap(Map.of("TableName", table)).statistic("Sum").period(PERIOD).build();
    }

    /**
     * Function errors on a queue worker (the order executor, the signal fan-out) or a scheduled function
     * (reconciliation: drift would go unseen) are critical.
     */
    public void workerErrors(NijaFunction worker) {
        add("WorkerErrors-" + worker.name(), critical,
                worker.function().metricErrors(MetricOptions.builder().statistic("Sum").period(PERIOD).build()),
                0, 1, "Errors in " + worker.name() + " (blueprint critical: executor failures)");
    }

    /**
     * A live venue holding less than a trader's open live positions there (reconciliation's {@code PositionDrift}):
     * a warning on the first 5-minute period with any. Real money disagrees with NIJA's books — but a trader selling
     * at the venue by hand causes it too, so it goes to chat, not to a pager; the trader hears it at once
     * ({@code position.drift}).
     */
    public void positionDrift(NijaFunction reconciler) {
        add("PositionDrift-Warning", warning, appMetric("PositionDrift", Telemetry.service(reconciler.spec().handler())),
                0, 1, "Reconciliation found a live venue holding less than a trader's open live positions there "
                        + "(exchange desync): see the reconcile-venues log for trader, venue and asset");
    }

    /** More than 5% of a pushing function's live messages failing for 10 minutes: a warning. */
    public void pushFailures(NijaFunction pusher) {
        String service = Telemetry.service(pusher.spec().handler());
        MathExpression share = MathExpression.Builder.create()
                .expression("IF(FILL(sent, 0) + FILL(failed, 0) > 0, "
                        + "100 * FILL(failed, 0) / (FILL(sent, 0) + FILL(failed, 0)), 0)")
                .usingMetrics(Map.of("sent", appMetric("PushSent", service), "failed", appMetric("PushFailed", service)))
                .label("failed % of pushes")
                .period(PERIOD)
                .build();
        add("PushFailures-" + pusher.name() + "-Warning", warning, share, WARNING_PUSH_FAILED_PERCENT, 2,
                "Live pushes of " + pusher.name() + " failing above " + WARNING_PUSH_FAILED_PERCENT
                        + "% for 10 minutes (after retries; Gone connections are not failures)");
    }

    /** One of our own EMF metrics (namespace NIJA) of one function, by its {@code service} dimension. */
    private static Metric appMetric(String name, String service) {
        return Metric.Builder.create().namespace(FunctionFactory.METRICS_NAMESPACE).metricName(name)
                .dimensionsMap(Map.of("service", service)).statistic("Sum").period(PERIOD).build();
    }

    /**
     * Cache CPU above 80% for 10 minutes and memory above 85%: warnings (blueprint). A serverless cache has neither (it
     * scales itself): it warns when it throttles commands, i.e. traffic grew faster than it scaled, for 10 minutes.
     */
    public void cache(Cache cache) {
        if (cache.serverless()) {
            add("CacheThrottlingWarning", warning, cache.serverlessMetric("ThrottledCmds", "Sum", PERIOD), 0, 2,
                    "Serverless cache throttling commands for 10 minutes (traffic outgrew its scaling)");
            return;
        }
        add("CacheCpuWarning", warning, max(cache.nodeMetrics("EngineCPUUtilization", PERIOD), "engine CPU %"),
                WARNING_CACHE_CPU_PERCENT, 2, "Cache engine CPU above 80% for 10 minutes (blueprint warning)");
        add("CacheMemoryWarning", warning, max(cache.nodeMetrics("DatabaseMemoryUsagePercentage", PERIOD),
                "memory %"), WARNING_CACHE_MEMORY_PERCENT, 1, "Cache memory above 85% (blueprint warning)");
    }

    private static MathExpression max(List<Metric> metrics, String label) {
        Map<String, IMetric> using = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) using.put("n" + i, metrics.get(i));
        return MathExpression.Builder.create()
                .expression("MAX([" + String.join(",", using.keySet()) + "])")
                .usingMetrics(using)
                .label("max " + label + " over nodes")
                .period(PERIOD)
                .build();
    }

    private void add(String id, Topic topic, IMetric metric, double threshold, int periods, String description) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        SnsAction action = new SnsAction(topic);
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
        alarms.put(id, alarm);
    }

    /** An alarm made elsewhere (the region's DNS health) that pages on-call like the critical ones. */
    public void critical(Alarm alarm) {
        SnsAction action = new SnsAction(critical);
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
    }

    /**
     * {@code fn} raises business alerts (docs/ALERTS.md): it reads the three topics from its environment and may
     * publish to them, under the topics' key.
     */
    public void raisedBy(NijaFunction fn) {
        fn.function().addEnvironment(CRITICAL_TOPIC_ENV, critical.getTopicArn());
        fn.function().addEnvironment(WARNING_TOPIC_ENV, warning.getTopicArn());
        fn.function().addEnvironment(INFO_TOPIC_ENV, info.getTopicArn());
        for (Topic t : List.of(critical, warning, info)) t.grantPublish(fn.function());
        key.grant(fn.function(), "kms:Decrypt", "kms:GenerateDataKey*");
    }

    /**
     * Blueprint info "Deployment completed": CloudFormation's stack status events (EventBridge, CloudFormation user
     * guide "Stack Status Change event detail") of this stack reaching CREATE_COMPLETE or UPDATE_COMPLETE, as one
     * readable line on the info topic. Only this stack's own id: its nested stacks complete inside it.
     */
    public void deployments(Stack stack) {
        Rule rule = Rule.Builder.create(this, "DeploymentCompleted")
                .description("NIJA: " + stack.getStackName() + " deployed (blueprint info: deployment completed)")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.cloudformation"))
                        .detailType(List.of("CloudFormation Stack Status Change"))
                        .detail(Map.of("stack-id", List.of(stack.getStackId()),
                                "status-details", Map.of("status", List.of("CREATE_COMPLETE", "UPDATE_COMPLETE"))))
                        .build())
                .build();
        rule.addTarget(new SnsTopic(info, SnsTopicProps.builder()
                .message(RuleTargetInput.fromText("[INFO] Deployment completed: stack " + stack.getStackName() + " is "
                        + EventField.fromPath("$.detail.status-details.status") + " in " + EventField.fromPath("$.region")
                        + " at " + EventField.fromPath("$.time") + ". First check: none needed; if traders report "
                        + "trouble, compare with the previous deployment (CloudFormation console, Events).")).build()));
    }

    /**
     * The chat forwarder ({@code AlertWebhookHandler}), subscribed to the three topics: posts each alert to
     * {@code url} (context {@code alertWebhookUrl}; a Slack incoming webhook cannot confirm an SNS HTTPS subscription
     * itself). Invoked asynchronously by SNS: a failed post is retried by Lambda, then kept in the function's
     * dead-letter queue, which warns (the email subscribers still got the alert).
     */
    public NijaFunction forwardTo(String url, FunctionFactory factory) {
        FunctionSpec spec = new FunctionSpec(FORWARDER, AlertWebhookHandler.class.getName(), List.of(),
                Optional.empty());
        // No table, no VPC: it only reaches the webhook over the internet.
        NijaFunction fn = factory.create(spec, new FunctionProfile(512, 10, Optional.empty(),
                FunctionProfile.TableAccess.NONE, java.util.Set.of(), java.util.Set.of(), false, true,
                java.util.Set.of()));
        fn.function().addEnvironment("NIJA_ALERTS_WEBHOOK_URL", url);
        for (Topic t : List.of(critical, warning, info)) t.addSubscription(new LambdaSubscription(fn.alias()));
        deadLetter("Dlq-" + FORWARDER + "-Warning", warning, fn.function().getDeadLetterQueue(),
                "the alert forwarder's dead-letter queue (alerts the chat webhook did not take)",
                "check the webhook still exists (Slack: the app's Incoming Webhooks page) and the " + FORWARDER
                        + " log for the HTTP status");
        return fn;
    }

    public Map<String, Alarm> alarms() {
        return java.util.Collections.unmodifiableMap(alarms);
    }

    public Topic critical() {
        return critical;
    }

    public Topic warning() {
        return warning;
    }

    public Topic info() {
        return info;
    }
}
