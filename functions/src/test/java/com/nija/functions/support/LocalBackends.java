package com.nija.functions.support;

import com.nija.local.services.DynaliteServer;
import com.nija.local.services.FreePort;
import com.nija.local.services.RedisServerProcess;
import com.nija.local.services.sqs.ElasticMqServer;
import com.nija.shared.data.QueueProvisioner;
import com.nija.shared.data.Queues;
import com.nija.shared.data.TableDefinition;
import com.nija.shared.data.TableProvisioner;
import com.nija.shared.data.Tables;
import com.nija.shared.observability.InMemoryMetricsSink;
import com.nija.shared.observability.Telemetry;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Real dynalite, redis-server and ElasticMQ (SQS) for handler tests, started once per test JVM and shared by every
 * test class (each test uses its own trader ids, so tests never see each other's data).
 *
 * <p>The signals and orders queues are created from the same definitions the CDK app uses and their URLs handed to
 * the context, so handlers that enqueue work the way they do in AWS; {@link #queues()} reads what they sent. The
 * order throttle ({@code nija.throttle}) is off here, so tests can place orders back to back; a test of the throttle
 * switches it on for itself through the {@code ThrottleConfig} bean.
 */
public final class LocalBackends {
    private static LocalBackends instance;

    private final DynaliteServer dynalite;
    private final RedisServerProcess redis;
    private final ElasticMqServer sqs;
    private final SqsClient sqsClient;
    private final WorkQueueProbe queues;
    private final Map<String, Object> properties;
    private final ApplicationContext context;

    private final InMemoryMetricsSink metrics = new InMemoryMetricsSink();

    private LocalBackends() {
        Telemetry.useSink(metrics);
        dynalite = DynaliteServer.start(FreePort.find());
        redis = new RedisServerProcess(FreePort.find()).start();
        sqs = ElasticMqServer.start(FreePort.find());
        sqsClient = SqsClient.builder()
                .region(Region.of(ElasticMqServer.REGION))
                .endpointOverride(sqs.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        QueueProvisioner provisioner = new QueueProvisioner(sqsClient);
        String signalsUrl = provisioner.ensure(Queues.SIGNALS);
        String ordersUrl = provisioner.ensure(Queues.ORDERS);
        queues = new WorkQueueProbe(sqsClient, signalsUrl, ordersUrl);
        properties = Map.of(
                "nija.dynamodb-endpoint", dynalite.endpoint().toString(),
                "nija.redis-url", redis.uri().toString(),
                "nija.cursor-secret", "handler-tests-cursor-secret",
                "nija.leaving.pseudonym-pepper", "handler-tests-pseudonym-pepper",
                "nija.sqs-endpoint", sqs.endpoint().toString(),
                "nija.signals-queue-url", signalsUrl,
                "nija.orders-queue-url", ordersUrl,
                "nija.throttle.enabled", "false",
                // Handler tests call routes many times as one trader on one clock; the per-tier API limits are tested
                // by TraderApiLimitTest in a context of its own, with the tiers' own figures and a moved clock.
                "nija.api.rate-limit-per-minute-override", "1000000",
                // Handler tests check what the cache does, not its 50 ms budget (RedisStallTest does, in a context of
                // its own): on a loaded 2-core machine a late reply must not turn an expected hit into a miss.
                "nija.redis-timeout-millis", "1000");
        context = ApplicationContext.builder().deduceEnvironment(false).properties(properties).start();
        TableProvisioner tables = new TableProvisioner(context.getBean(DynamoDbClient.class));
        for (TableDefinition table : Tables.ALL) tables.ensure(table, table.defaultName());
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    public static synchronized LocalBackends get() {
        if (instance == null) instance = new LocalBackends();
        return instance;
    }

    public ApplicationContext context() {
        return context;
    }

    /** The properties every context here starts with (the backends' endpoints and the tests' settings). */
    public Map<String, Object> properties() {
        return properties;
    }

    /**
     * A context of its own on the same dynalite, Redis and queues, with some properties changed (e.g. the throttle on);
     * the caller closes it. For tests that need configuration the shared context must not have.
     */
    public ApplicationContext newContext(Map<String, Object> overrides) {
        return start(overrides);
    }

    /**
     * As {@link #newContext(Map)}, in the {@code test} environment, where micronaut-crac's {@code CheckpointSimulator}
     * runs the context's CRaC resources in the order CRaC does at a SnapStart checkpoint and restore.
     */
    public ApplicationContext newCheckpointContext(Map<String, Object> overrides) {
        return start(overrides, io.micronaut.context.env.Environment.TEST);
    }

    private ApplicationContext start(Map<String, Object> overrides, String... environments) {
        Map<String, Object> merged = new java.util.HashMap<>(properties);
        merged.putAll(overrides);
        return ApplicationContext.builder().deduceEnvironment(false).environments(environments).properties(merged)
                .start();
    }

    /** As {@link #newContext(Map)}, with {@code clock} as the domain clock (a fixed or hand-moved one). */
    public ApplicationContext newContext(Map<String, Object> overrides, java.time.Clock clock) {
        Map<String, Object> merged = new java.util.HashMap<>(overrides);
        Map.Entry<String, Object> useClock = TestClockFactory.use(clock);
        merged.put(useClock.getKey(), useClock.getValue());
        ApplicationContext context = newContext(merged);
        if (context.getBean(java.time.Clock.class) != clock) {
            context.close();
            throw new IllegalStateException("the test clock did not replace the platform clock");
        }
        return context;
    }

    /** Metrics every handler in this JVM published, e.g. {@code CacheUnavailable} while Redis is down. */
    public InMemoryMetricsSink metrics() {
        return metrics;
    }

    public RedisServerProcess redis() {
        return redis;
    }

    /** The signals and orders queues the context sends to, for reading what was enqueued. */
    public WorkQueueProbe queues() {
        return queues;
    }

    private void close() {
        context.close();
        sqsClient.close();
        sqs.close();
        redis.close();
        dynalite.close();
    }
}
