package com.nija.local.platform;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.nija.functions.routes.RouteTable;
import com.nija.functions.routes.Schedule;
import com.nija.functions.routes.Worker;
import com.nija.local.gateway.LocalLambdaContext;
import com.nija.local.services.sqs.SqsEventSource;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.data.QueueProvisioner;
import com.nija.shared.data.Queues;
import com.nija.shared.data.TableProvisioner;
import com.nija.shared.data.TableDefinition;
import com.nija.shared.data.Tables;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The functions' runtime on one machine: the queues created first (their URLs are configuration), then one
 * Micronaut context configured the way the CDK app configures each Lambda, shared by every handler, with the
 * tables created from the same definitions the CDK app uses, and the queue workers fed by SQS event sources.
 */
public final class FunctionRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionRuntime.class);
    private static final long SCHEDULE_TICK_MILLIS = 200;
    /** Scheduled functions this machine does not run (comma-separated names), e.g. those that need the internet. */
    public static final String SCHEDULES_OFF = "nija.local.schedules-off";
    private final ApplicationContext context;
    private final List<SqsEventSource> eventSources = new ArrayList<>();
    private ScheduledExecutorService timers;

    /** @param overrides extra configuration (e.g. {@code nija.throttle.enabled=false} for load tests) */
    public FunctionRuntime(String dynamodbEndpoint, String redisUrl, String sqsEndpoint, String cursorSecret,
                           Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("nija.dynamodb-endpoint", dynamodbEndpoint);
        properties.put("nija.redis-url", redisUrl == null ? "" : redisUrl);
        properties.put("nija.cursor-secret", cursorSecret);
        // Per run like the cursor secret: a deleted trader's pseudonym is one-way without it
        properties.put("nija.leaving.pseudonym-pepper", cursorSecret + "#pseudonyms");
        if (sqsEndpoint != null) {
            properties.put("nija.sqs-endpoint", sqsEndpoint);
            try (SqsClient sqs = sqsClient(sqsEndpoint)) {
                QueueProvisioner queues = new QueueProvisioner(sqs);
                properties.put("nija.signals-queue-url", queues.ensure(Queues.SIGNALS));
                properties.put("nija.orders-queue-url", queues.ensure(Queues.ORDERS));
                properties.put("nija.notifications-queue-url", queues.ensure(Queues.NOTIFICATIONS));
            }
        }
        properties.putAll(overrides);
        context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("local")
                .properties(properties)
                .start();
    }

    public ApplicationContext context() {
        return context;
    }

    /** Creates every table (and its indexes) that does not exist yet. */
    public void provisionTables() {
        TableProvisioner provisioner = new TableProvisioner(context.getBean(DynamoDbClient.class));
        NijaConfig config = context.getBean(NijaConfig.class);
        for (TableDefinition table : Tables.ALL) provisioner.ensure(table, Tables.configuredName(table, config));
    }

    /** Starts an SQS event source per queue worker, invoking its handler as Lambda would (batches, partial failures). */
    public void startWorkers() {
        SqsClient sqs = context.getBean(SqsClient.class);
        NijaConfig config = context.getBean(NijaConfig.class);
        for (Worker w : RouteTable.WORKERS) {
            String url = Queues.configuredUrl(w.queue(), config);
            com.amazonaws.services.lambda.runtime.RequestHandler<com.amazonaws.services.lambda.runtime.events.SQSEvent,
                    com.amazonaws.services.lambda.runtime.events.SQSBatchResponse> handler = handler(w.handler());
            eventSources.add(SqsEventSource.builder(sqs, url, handler,
                            () -> new LocalLambdaContext("sqs", w.function(), Duration.ofSeconds(60)))
                    .pollers(localConcurrency(w))
                    .batchSize(w.batchSize())
                    .build()
                    .start());
        }
    }

    /**
     * Runs every scheduled function on its timer, as EventBridge Scheduler does in AWS: a {@code rate} schedule first
     * one interval after start, an aligned ({@code cron}) one at its next slot — both by the context's clock, which
     * the demo's replay runs fast ({@link com.nija.shared.config.ScaledClock}), so candle ingest and scans keep pace
     * with the replayed candles. Each function is checked every {@value #SCHEDULE_TICK_MILLIS} ms on a thread of its
     * own (a long reconciliation never holds back a scan) and runs one at a time: slots missed while a run overran
     * give one late run, not a burst.
     */
    public void startSchedules() {
        timers = Executors.newScheduledThreadPool(Math.max(1, RouteTable.SCHEDULES.size()), r -> {
            Thread t = new Thread(r, "schedules");
            t.setDaemon(true);
            return t;
        });
        Clock clock = context.getBean(Clock.class);
        List<String> off = context.getProperty(SCHEDULES_OFF, String[].class).map(List::of).orElse(List.of());
        for (Schedule timer : RouteTable.SCHEDULES) {
            if (off.contains(timer.function())) continue;
            RequestHandler<ScheduledEvent, ?> handler = handler(timer.handler());
            Instant[] next = {timer.firstRunAfter(clock.instant())};
            timers.scheduleWithFixedDelay(() -> {
                Instant now = clock.instant();
                if (now.isBefore(next[0])) return;
                next[0] = timer.firstRunAfter(now);
                ScheduledEvent event = new ScheduledEvent().withSource("aws.scheduler")
                        .withDetailType("Scheduled Event").withId(UUID.randomUUID().toString());
                try {
                    handler.handleRequest(event, new LocalLambdaContext("schedule", timer.function(), timer.every()));
                } catch (RuntimeException e) {
                    // The timer keeps running, as the scheduler's next invocation would.
                    LOG.warn("scheduled run of {} failed: {}", timer.function(), e.toString());
                }
            }, SCHEDULE_TICK_MILLIS, SCHEDULE_TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Invocations of a worker at once: its maximum concurrency, but at most one per core (at least 2, so FIFO groups
     * are still worked on side by side). In AWS each invocation has a CPU of its own; here they all share this
     * machine's, and ElasticMQ's FIFO receive costs grow with the messages held in flight, so pollers beyond the
     * cores only queue for CPU: on 2 cores, 2 pollers instead of 8 placed 1,000 traders' orders faster and cut the
     * push p99 of that burst from 25–28 ms to 13–21 ms (docs/PERFORMANCE.md).
     */
    static int localConcurrency(Worker w) {
        return Math.min(w.maxConcurrency(), Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors())));
    }

    /**
     * A function's handler (any class of the route table: route, worker, WebSocket route, authorizer), built the way
     * Lambda would build it, but on the shared context.
     */
    @SuppressWarnings("unchecked")
    public <T> T handler(Class<?> type) {
        try {
            return (T) type.getConstructor(ApplicationContext.class).newInstance(context);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " needs a public (ApplicationContext) constructor", e);
        }
    }

    @Override
    public void close() {
        if (timers != null) timers.shutdownNow();
        for (SqsEventSource source : eventSources) source.close();
        context.close();
    }

    static SqsClient sqsClient(String endpoint) {
        return SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
