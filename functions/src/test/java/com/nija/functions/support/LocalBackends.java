package com.nija.functions.support;

import com.nija.local.services.DynaliteServer;
import com.nija.local.services.FreePort;
import com.nija.local.services.RedisServerProcess;
import com.nija.shared.data.TableDefinition;
import com.nija.shared.data.TableProvisioner;
import com.nija.shared.data.Tables;
import com.nija.shared.observability.InMemoryMetricsSink;
import com.nija.shared.observability.Telemetry;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Real dynalite and redis-server for handler tests, started once per test JVM and shared by every test class
 * (each test uses its own trader ids, so tests never see each other's data).
 */
public final class LocalBackends {
    private static LocalBackends instance;

    private final DynaliteServer dynalite;
    private final RedisServerProcess redis;
    private final ApplicationContext context;

    private final InMemoryMetricsSink metrics = new InMemoryMetricsSink();

    private LocalBackends() {
        Telemetry.useSink(metrics);
        dynalite = DynaliteServer.start(FreePort.find());
        redis = new RedisServerProcess(FreePort.find()).start();
        context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(Map.of(
                        "nija.dynamodb-endpoint", dynalite.endpoint().toString(),
                        "nija.redis-url", redis.uri().toString(),
                        "nija.cursor-secret", "handler-tests-cursor-secret"))
                .start();
        TableProvisioner provisioner = new TableProvisioner(context.getBean(DynamoDbClient.class));
        for (TableDefinition table : Tables.ALL) provisioner.ensure(table, table.defaultName());
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    public static synchronized LocalBackends get() {
        if (instance == null) instance = new LocalBackends();
        return instance;
    }

    public ApplicationContext context() {
        return context;
    }

    /** Metrics every handler in this JVM published, e.g. {@code CacheUnavailable} while Redis is down. */
    public InMemoryMetricsSink metrics() {
        return metrics;
    }

    public RedisServerProcess redis() {
        return redis;
    }

    private void close() {
        context.close();
        redis.close();
        dynalite.close();
    }
}
