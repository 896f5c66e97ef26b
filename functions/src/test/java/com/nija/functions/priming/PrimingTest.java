package com.nija.functions.priming;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.routes.Route;
import com.nija.functions.routes.RouteTable;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.observability.DynamoWriteCounter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SnapStart priming runs every handler's hot path before the checkpoint, and must leave no trace. */
class PrimingTest {
    private final ApplicationContext context = LocalBackends.get().context();

    @Test
    @DisplayName("priming answers 200 for every GET route (404 for an admin's look at a trader nobody has seen) and 422 "
            + "for the settings, broker-key and mode puts; none fails")
    void primesEveryRoute() {
        Map<String, Integer> expectedGets = new LinkedHashMap<>();
        for (Route route : RouteTable.ROUTES) {
            if (route.method().equals("GET")) expectedGets.put(route.handler().getSimpleName().replace("Handler", ""), 200);
        }
        expectedGets.put("GetTrader", 404); // the priming trader has no profile: the lookup runs, nothing is created
        // The plans' path reads prices from Stripe: no call leaves the function before the snapshot, so it is not primed.
        expectedGets.remove("GetBillingPlans");
        EveryHandler.createOn(context);

        Map<String, Integer> statuses = context.getBean(Priming.class).prime();

        assertThat(statuses).containsAllEntriesOf(expectedGets);
        assertThat(statuses).doesNotContainKeys("GetBillingPlans", "CreatePortalSession");
        assertThat(statuses).containsEntry("PutSettings", 422); // validation ran, the write did not
        assertThat(statuses).containsEntry("PutBrokerKey", 422).containsEntry("PutTradingMode", 422);
        assertThat(statuses.values()).as("no primer threw or hit a 5xx: %s", statuses)
                .allSatisfy(status -> assertThat(status).isBetween(200, 499));
    }

    @Test
    @DisplayName("priming every handler leaves DynamoDB, Redis and the published metrics exactly as they were")
    void leavesNoTrace() {
        EveryHandler.createOn(context);
        DynamoWriteCounter dynamoWrites = context.getBean(DynamoWriteCounter.class);
        long writesBefore = dynamoWrites.writes();
        int itemsBefore = TraderFixture.storedItemCount();
        Map<String, String> redisBefore = redisContents();
        Map<String, Double> metricsBefore = LocalBackends.get().metrics().snapshot();

        context.getBean(Priming.class).prime();

        assertThat(dynamoWrites.writes() - writesBefore).as("DynamoDB item writes").isZero();
        assertThat(TraderFixture.storedItemCount(Priming.USER)).as("items stored for " + Priming.USER).isZero();
        assertThat(TraderFixture.storedItemCount()).as("items in the whole table").isEqualTo(itemsBefore);
        // Other test classes' cache entries may expire meanwhile (their TTLs run): a key may go, none may come or change.
        Map<String, String> redisAfter = redisContents();
        redisAfter.values().removeIf("(gone)"::equals);
        assertThat(redisBefore).as("every Redis key and value").containsAllEntriesOf(redisAfter);
        assertThat(LocalBackends.get().metrics().snapshot()).as("published metrics").isEqualTo(metricsBefore);
    }

    /** Every key in the test Redis with its serialized value (DUMP), so any write shows. */
    private static Map<String, String> redisContents() {
        RedisClient client = RedisClient.create(LocalBackends.get().redis().uri().toString());
        try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            Map<String, String> contents = new TreeMap<>();
            for (byte[] key : connection.sync().keys("*".getBytes(StandardCharsets.UTF_8))) {
                byte[] dump = connection.sync().dump(key);
                contents.put(new String(key, StandardCharsets.UTF_8),
                        dump == null ? "(gone)" : Base64.getEncoder().encodeToString(dump));
            }
            return contents;
        } finally {
            client.shutdown();
        }
    }
}
