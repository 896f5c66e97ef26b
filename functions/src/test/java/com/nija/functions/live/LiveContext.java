package com.nija.functions.live;

import com.nija.functions.support.LocalBackends;
import com.nija.shared.config.NijaConfig;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;

/**
 * A functions context on the shared test backends (dynalite, Redis) whose pushes go to a {@link ConnectionsRecorder},
 * as a Lambda's would go to API Gateway with {@code NIJA_LIVE_CALLBACK_URL} set. One per test JVM.
 */
final class LiveContext implements AutoCloseable {
    private static LiveContext instance;

    final ConnectionsRecorder recorder = new ConnectionsRecorder();
    final ApplicationContext context;

    private LiveContext(Map<String, Object> overrides) {
        NijaConfig shared = LocalBackends.get().context().getBean(NijaConfig.class);
        Map<String, Object> properties = new HashMap<>();
        properties.put("nija.dynamodb-endpoint", shared.getDynamodbEndpoint());
        properties.put("nija.redis-url", shared.getRedisUrl() == null ? "" : shared.getRedisUrl());
        // As in LocalBackends: these tests check what the cache does, so a slow reply on a loaded machine must not
        // count as Redis being away (the 50 ms production budget has a test of its own, RedisStallTest).
        properties.put("nija.redis-timeout-millis", Long.toString(shared.getRedisTimeoutMillis()));
        properties.put("nija.cursor-secret", "live-tests-cursor-secret");
        properties.put("nija.live.callback-url", recorder.endpoint().toString());
        properties.put("nija.live.retry-backoff-millis", "1");
        properties.put("nija.throttle.enabled", "false");
        properties.putAll(overrides);
        context = ApplicationContext.builder().deduceEnvironment(false).properties(properties).start();
    }

    static synchronized LiveContext get() {
        if (instance == null) {
            instance = new LiveContext(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    /** A separate context with other settings (e.g. no Redis); the caller closes it. */
    static LiveContext with(Map<String, Object> overrides) {
        return new LiveContext(overrides);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
        recorder.close();
    }
}
