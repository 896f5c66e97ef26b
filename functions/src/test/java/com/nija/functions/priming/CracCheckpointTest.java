package com.nija.functions.priming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.support.LocalBackends;
import com.nija.shared.cache.RedisGateway;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.ApplicationContext;
import io.micronaut.crac.test.CheckpointSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart hooks of a function's real context, run the way micronaut-crac and CRaC run them: every resource's
 * {@code beforeCheckpoint} in the framework's order, then every {@code afterRestore} in the reverse. Redis sees this
 * context's connection by its client name.
 */
class CracCheckpointTest {
    private static final String CLIENT_NAME = "crac-checkpoint-test";
    private static RedisClient observer;
    private static StatefulRedisConnection<String, String> observing;

    @BeforeAll
    static void observeRedis() {
        observer = RedisClient.create(LocalBackends.get().redis().uri().toString());
        observing = observer.connect();
    }

    @AfterAll
    static void stopObserving() {
        observing.close();
        observer.shutdown();
    }

    /** Ids of the Redis connections the function under test holds open. */
    private static List<String> functionConnections() {
        return Arrays.stream(observing.sync().clientList().split("\n"))
                .filter(line -> line.contains(" name=" + CLIENT_NAME + " "))
                .map(line -> line.substring(line.indexOf("id=") + 3, line.indexOf(' ')))
                .toList();
    }

    @Test
    @DisplayName("at the checkpoint priming runs while Redis is still connected, then the connection closes; after restore Redis answers on a new one")
    void checkpointThenRestore() {
        String redisUrl = LocalBackends.get().redis().uri() + "?clientName=" + CLIENT_NAME;
        try (ApplicationContext context = LocalBackends.get().newCheckpointContext(Map.of("nija.redis-url", redisUrl))) {
            EveryHandler.createOn(context);
            List<String> seenWhilePriming = new ArrayList<>();
            context.getBean(Priming.class).register("probe", () -> {
                seenWhilePriming.addAll(functionConnections());
                return APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
            });
            RedisGateway redis = context.getBean(RedisGateway.class);
            assertThat(redis.ping()).isTrue();
            List<String> beforeCheckpoint = functionConnections();
            assertThat(beforeCheckpoint).as("the function's connection before the checkpoint").hasSize(1);
            CheckpointSimulator crac = context.getBean(CheckpointSimulator.class);

            crac.runBeforeCheckpoint();

            assertThat(seenWhilePriming).as("connections while priming ran").isEqualTo(beforeCheckpoint);
            // Redis drops a closed client when it reads the end of its socket, a moment after Lettuce closed it.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(functionConnections()).as("connections in the snapshot").isEmpty());

            crac.runAfterRestore();

            List<String> restored = functionConnections();
            assertThat(restored).as("connections right after restore, before any request").hasSize(1)
                    .doesNotContainAnyElementsOf(beforeCheckpoint);
            assertThat(redis.call(r -> r.ping())).contains("PONG");
            assertThat(redis.coolingDown()).isFalse();
        }
    }
}
