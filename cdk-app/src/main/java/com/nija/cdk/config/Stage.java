package com.nija.cdk.config;

import java.util.Locale;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * {@code dev} or {@code prod}: sizes, retention and alarms. Prod follows the blueprint (3 AZs, Redis cluster of 3
 * shards + 3 replicas with auto scaling, alarms paging on-call); dev is the same shape at the smallest size that
 * still exercises it (Multi-AZ cache of two nodes, one NAT gateway, alarms off).
 */
public enum Stage {
    DEV(2, 1, "cache.t4g.small", false, 1, 1, RetentionDays.TWO_WEEKS, false, 0.1),
    PROD(3, 3, "cache.r7g.large", true, 3, 1, RetentionDays.THREE_MONTHS, true, 1.0);

    private final int maxAzs;
    private final int natGateways;
    private final String cacheNodeType;
    private final boolean cacheClusterMode;
    private final int cacheShards;
    private final int cacheReplicasPerShard;
    private final RetentionDays logRetention;
    private final boolean alarmsByDefault;
    private final double throttleScale;

    Stage(int maxAzs, int natGateways, String cacheNodeType, boolean cacheClusterMode, int cacheShards,
          int cacheReplicasPerShard, RetentionDays logRetention, boolean alarmsByDefault, double throttleScale) {
        this.maxAzs = maxAzs;
        this.natGateways = natGateways;
        this.cacheNodeType = cacheNodeType;
        this.cacheClusterMode = cacheClusterMode;
        this.cacheShards = cacheShards;
        this.cacheReplicasPerShard = cacheReplicasPerShard;
        this.logRetention = logRetention;
        this.alarmsByDefault = alarmsByDefault;
        this.throttleScale = throttleScale;
    }

    public static Stage parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown stage '" + value + "': use dev or prod", e);
        }
    }

    public boolean isProd() { return this == PROD; }

    /**
     * What happens to data and named resources when they leave the stack. Prod keeps them on update and delete
     * ({@code RetainExceptOnCreate}) but lets the rollback of the operation that created them delete them, so a
     * failed first deploy leaves nothing behind that a retry would collide with ("already exists"). Dev deletes.
     */
    public RemovalPolicy removalPolicy() {
        return isProd() ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY;
    }
    public int maxAzs() { return maxAzs; }
    /** One NAT gateway per AZ in prod, so losing an AZ does not cut the other AZs' functions off from brokers. */
    public int natGateways() { return natGateways; }
    /** SQS, Secrets Manager and KMS through interface endpoints (prod: cheaper than NAT data at prod volumes). */
    public boolean interfaceEndpoints() { return isProd(); }
    public String cacheNodeType() { return cacheNodeType; }
    /** Cluster mode (sharding) with shard/replica auto scaling: prod only (blueprint: 3 masters + 3 replicas). */
    public boolean cacheClusterMode() { return cacheClusterMode; }
    public int cacheShards() { return cacheShards; }
    public int cacheReplicasPerShard() { return cacheReplicasPerShard; }
    public RetentionDays logRetention() { return logRetention; }
    public boolean alarmsByDefault() { return alarmsByDefault; }
    /** Dev API throttles are a tenth of prod's: enough to test, small enough to cap a runaway client's bill. */
    public double throttleScale() { return throttleScale; }
    public String label() { return name().toLowerCase(Locale.ROOT); }
}
