package com.nija.shared.health;

import com.nija.shared.cache.RedisGateway;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/** Whether the parts a request needs answer: DynamoDB (required) and Redis (degraded when down). */
@Singleton
public class HealthService {
    private final TradingTables tables;
    private final RedisGateway redis;

    public HealthService(TradingTables tables, RedisGateway redis) {
        this.tables = tables;
        this.redis = redis;
    }

    public HealthReport check() {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean dynamo = dynamoAnswers();
        checks.put("dynamodb", dynamo ? "up" : "down");
        boolean cache = redis.configured() && redis.ping();
        checks.put("redis", !redis.configured() ? "not-configured" : cache ? "up" : "down");
        // Without Redis every read still succeeds (from DynamoDB), only slower: degraded, not a reason to fail over.
        String status = !dynamo ? "unavailable" : (redis.configured() && !cache) ? "degraded" : "ok";
        return new HealthReport(status, checks);
    }

    private boolean dynamoAnswers() {
        try {
            tables.describe();
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    /** {@code status} is {@code ok}, {@code degraded} (cache down) or {@code unavailable}; {@code checks} per part. */
    public record HealthReport(String status, Map<String, String> checks) {
        /** Serving: Route 53 keeps sending traffic here. */
        public boolean serving() {
            return !"unavailable".equals(status);
        }
    }
}
