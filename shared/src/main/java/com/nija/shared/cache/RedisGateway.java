package com.nija.shared.cache;

import com.nija.shared.config.CheckpointOrder;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micronaut.crac.OrderedResource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to Redis. Every call is bounded (50 ms by default) and never throws: when Redis is down,
 * slow or not configured the caller gets {@link Optional#empty()} and reads DynamoDB instead; the miss is
 * counted as {@code CacheUnavailable}. After a failure Redis is skipped for a short cool-down so a dead
 * Redis costs a request nothing. A reply that only misses the budget counts the same for its own request, but opens
 * the cool-down only as part of a run of them (a stalled Redis): on a busy machine one late reply among timely ones
 * would otherwise send every request for the next half second to DynamoDB, which costs far more than Redis.
 * With {@code nija.redis-cluster} (ElastiCache in cluster mode, prod) it uses Lettuce's cluster client: commands go
 * to the shard that owns the key, multi-key reads are split by slot, and topology changes (failover, resharding by
 * auto scaling) are followed. Callers get the commands both clients share.
 * SnapStart: the connection is closed before the checkpoint, after priming has used it ({@link CheckpointOrder}), and
 * reopened as soon as the copy is restored: a socket kept in the snapshot would be dead in every restored copy, and
 * commands on it would time out until Lettuce noticed.
 */
@Singleton
public class RedisGateway implements OrderedResource {
    private static final Logger LOG = LoggerFactory.getLogger(RedisGateway.class);
    private static final long COOL_DOWN_NANOS = Duration.ofMillis(500).toNanos();
    private static final int WRITE_ATTEMPTS = 3;
    private static final long WRITE_RETRY_PAUSE_MILLIS = 150;
    /** Timeouts in a row (no success between them) that mean Redis is stalled rather than one reply being late. */
    static final int TIMEOUTS_TO_COOL_DOWN = 3;

    private final RedisURI uri;
    private final Duration timeout;
    private final ClientResources resources;
    private final AbstractRedisClient client;
    private volatile StatefulConnection<String, String> connection;
    private volatile RedisClusterCommands<String, String> syncCommands;
    private volatile long skipUntilNanos;
    private final AtomicInteger timeoutsInARow = new AtomicInteger();

    public RedisGateway(NijaConfig config) {
        this.timeout = Duration.ofMillis(config.getRedisTimeoutMillis());
        if (config.getRedisUrl() == null) {
            uri = null;
            resources = null;
            client = null;
            return;
        }
        uri = RedisURI.create(config.getRedisUrl());
        // Connecting (TCP + HELLO handshake) may take longer than a command on a cold JVM; commands get `timeout`.
        uri.setTimeout(Duration.ofSeconds(1));
        resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(250))).build();
        if (config.isRedisCluster()) {
            RedisClusterClient cluster = RedisClusterClient.create(resources, uri);
            ClusterClientOptions.Builder options = ClusterClientOptions.builder()
                    // Follow failovers and shards added by auto scaling as soon as a MOVED/ASK or reconnect says so.
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enableAllAdaptiveRefreshTriggers()
                            .enablePeriodicRefresh(Duration.ofSeconds(60))
                            .build());
            withCommonOptions(options);
            cluster.setOptions(options.build());
            client = cluster;
        } else {
            RedisClient single = RedisClient.create(resources, uri);
            ClientOptions.Builder options = ClientOptions.builder();
            withCommonOptions(options);
            single.setOptions(options.build());
            client = single;
        }
    }

    /** What both clients share: reconnect, fail fast while disconnected, connect and command timeouts. */
    private void withCommonOptions(ClientOptions.Builder options) {
        options.autoReconnect(true)
                // Fail fast while disconnected instead of queueing commands until the timeout.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout));
    }

    /** True while Redis is being skipped after a failure or a run of late replies (the cool-down). */
    public boolean coolingDown() {
        return client != null && System.nanoTime() < skipUntilNanos;
    }

    public boolean configured() {
        return client != null;
    }

    /** Runs one or more commands; empty when Redis is unavailable, slow, or not configured. */
    public <T> Optional<T> call(Function<RedisClusterCommands<String, String>, T> commands) {
        if (client == null || System.nanoTime() < skipUntilNanos) {
            if (client != null) Telemetry.record(Metric.count("CacheUnavailable"));
            return Optional.empty();
        }
        try {
            T result = commands.apply(sync());
            if (timeoutsInARow.get() != 0) timeoutsInARow.set(0);
            return Optional.ofNullable(result);
        } catch (RedisCommandTimeoutException e) {
            if (timeoutsInARow.incrementAndGet() >= TIMEOUTS_TO_COOL_DOWN) coolDown();
            Telemetry.record(Metric.count("CacheUnavailable"));
            LOG.debug("redis reply over budget, reading through: {}", e.toString());
            return Optional.empty();
        } catch (RuntimeException e) {
            coolDown();
            Telemetry.record(Metric.count("CacheUnavailable"));
            LOG.debug("redis unavailable, reading through: {}", e.toString());
            return Optional.empty();
        }
    }

    private void coolDown() {
        skipUntilNanos = System.nanoTime() + COOL_DOWN_NANOS;
        timeoutsInARow.set(0);
    }

    /**
     * Like {@link #call} but ignores the cool-down and rides out a reconnect: for writes whose loss would leave Redis
     * wrong once it is back (cache invalidations, latest prices). A dropped connection (failover, idle kill) is
     * re-established within ~250 ms, so the write is tried up to three times over ~300 ms before it counts as lost.
     * Never throws.
     */
    public <T> Optional<T> write(Function<RedisClusterCommands<String, String>, T> commands) {
        if (client == null) return Optional.empty();
        RuntimeException last = null;
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            try {
                return Optional.ofNullable(commands.apply(sync()));
            } catch (RuntimeException e) {
                last = e;
                sleepQuietly(WRITE_RETRY_PAUSE_MILLIS);
            }
        }
        coolDown();
        Telemetry.record(Metric.count("CacheWriteLost"));
        LOG.warn("redis write lost: {}", String.valueOf(last));
        return Optional.empty();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * True when Redis answers PING (health check; bypasses the cool-down). Tries twice: the first command on a
     * cold JVM can miss the 50 ms budget without Redis being unwell.
     */
    public boolean ping() {
        if (client == null) return false;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                if ("PONG".equals(sync().ping())) return true;
            } catch (RuntimeException e) {
                LOG.debug("redis ping failed: {}", e.toString());
            }
        }
        return false;
    }

    /** The open connection's synchronous commands; connects on first use. */
    private RedisClusterCommands<String, String> sync() {
        RedisClusterCommands<String, String> current = syncCommands;
        if (current != null) return current;
        synchronized (this) {
            if (syncCommands == null) {
                if (client instanceof RedisClusterClient cluster) {
                    StatefulRedisClusterConnection<String, String> c = cluster.connect();
                    c.setTimeout(timeout);
                    connection = c;
                    syncCommands = c.sync();
                } else {
                    StatefulRedisConnection<String, String> c = ((RedisClient) client).connect();
                    c.setTimeout(timeout);
                    connection = c;
                    syncCommands = c.sync();
                }
            }
            return syncCommands;
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        closeConnection();
    }

    /** Reopens the connection now, so the first request does not pay for it; when Redis is away, the first use retries. */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        skipUntilNanos = 0;
        timeoutsInARow.set(0);
        if (client == null) return;
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.warn("redis not reachable after restore, reading through until it is: {}", e.toString());
        }
    }

    @Override
    public int getOrder() {
        return CheckpointOrder.CONNECTIONS;
    }

    private synchronized void closeConnection() {
        if (connection != null) {
            syncCommands = null;
            connection.close();
            connection = null;
        }
    }

    @PreDestroy
    public void close() {
        closeConnection();
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            resources.shutdown();
        }
    }
}
