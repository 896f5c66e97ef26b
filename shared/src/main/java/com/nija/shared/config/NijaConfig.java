package com.nija.shared.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * Where the functions find their data. In AWS the CDK app sets these from construct attributes
 * (NIJA_TABLES_TRADING, NIJA_REDIS_URL…); locally the platform sets them for the services it starts.
 */
@ConfigurationProperties("nija")
public class NijaConfig {
    /** DynamoDB endpoint override (dynalite, LocalStack); null means the regional AWS endpoint. */
    @Nullable private String dynamodbEndpoint;
    /** Redis URL (redis:// or rediss://); null means no cache: every read goes to DynamoDB. */
    @Nullable private String redisUrl;
    /** Lambda sets AWS_REGION: each function talks to its own region's table replica unless told otherwise. */
    private String region = envOr("AWS_REGION", "us-east-1");
    private String tradingTable = "nija-trading";
    /** The audit trail's table (append-only, kept for years: see {@code Tables.AUDIT}). */
    private String auditTable = "nija-audit";
    /** SQS endpoint override (ElasticMQ, LocalStack); null means the regional AWS endpoint. */
    @Nullable private String sqsEndpoint;
    /** Region of the work queues when they live elsewhere (API-only regions send to the primary's queues). */
    @Nullable private String sqsRegion;
    /** Queue URLs, set by the CDK app (or the local platform after creating the queues). */
    @Nullable private String signalsQueueUrl;
    @Nullable private String ordersQueueUrl;
    /** Trader notifications waiting for the notification worker. */
    @Nullable private String notificationsQueueUrl;
    /** Secret that signs pagination cursors so a client cannot forge one. */
    private String cursorSecret = "";
    /**
     * How long a secret read from Secrets Manager is used before it is read again: a rotation reaches warm functions
     * within this time (a failed signature check re-reads at once).
     */
    private Duration secretTtl = Duration.ofMinutes(5);
    /** ElastiCache in cluster mode (prod): the cluster client, which follows slots and failovers. */
    private boolean redisCluster;
    /** Redis commands slower than this are abandoned and the read goes to DynamoDB. */
    private long redisTimeoutMillis = 50;
    /**
     * Intake sends a signal's orders itself when it has at most this many subscribers (10 SQS batches) and finds them
     * within {@link #inlineFanoutBudgetMillis}; otherwise the fan-out function does. 0 always hands over.
     */
    private int inlineFanoutMax = 100;
    private long inlineFanoutBudgetMillis = 1000;

    @Nullable public String getDynamodbEndpoint() { return dynamodbEndpoint; }
    public void setDynamodbEndpoint(@Nullable String v) { dynamodbEndpoint = blankToNull(v); }
    @Nullable public String getRedisUrl() { return redisUrl; }
    public void setRedisUrl(@Nullable String v) { redisUrl = blankToNull(v); }
    @Nullable public String getSqsEndpoint() { return sqsEndpoint; }
    public void setSqsEndpoint(@Nullable String v) { sqsEndpoint = blankToNull(v); }
    @Nullable public String getSqsRegion() { return sqsRegion; }
    public void setSqsRegion(@Nullable String v) { sqsRegion = blankToNull(v); }
    /** The region SQS calls are signed for: {@link #getSqsRegion()} when set, else this function's region. */
    public String sqsRegionOrOwn() { return sqsRegion != null ? sqsRegion : region; }
    @Nullable public String getSignalsQueueUrl() { return signalsQueueUrl; }
    public void setSignalsQueueUrl(@Nullable String v) { signalsQueueUrl = blankToNull(v); }
    @Nullable public String getOrdersQueueUrl() { return ordersQueueUrl; }
    public void setOrdersQueueUrl(@Nullable String v) { ordersQueueUrl = blankToNull(v); }
    @Nullable public String getNotificationsQueueUrl() { return notificationsQueueUrl; }
    public void setNotificationsQueueUrl(@Nullable String v) { notificationsQueueUrl = blankToNull(v); }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getTradingTable() { return tradingTable; }
    public void setTradingTable(String tradingTable) { this.tradingTable = tradingTable; }
    public String getAuditTable() { return auditTable; }
    public void setAuditTable(String auditTable) { this.auditTable = auditTable; }
    public String getCursorSecret() { return cursorSecret; }
    public void setCursorSecret(String cursorSecret) { this.cursorSecret = cursorSecret; }
    public Duration getSecretTtl() { return secretTtl; }
    public void setSecretTtl(Duration secretTtl) { this.secretTtl = secretTtl; }
    public boolean isRedisCluster() { return redisCluster; }
    public void setRedisCluster(boolean redisCluster) { this.redisCluster = redisCluster; }
    public long getRedisTimeoutMillis() { return redisTimeoutMillis; }
    public void setRedisTimeoutMillis(long redisTimeoutMillis) { this.redisTimeoutMillis = redisTimeoutMillis; }

    public int getInlineFanoutMax() { return inlineFanoutMax; }
    public void setInlineFanoutMax(int inlineFanoutMax) { this.inlineFanoutMax = inlineFanoutMax; }
    public long getInlineFanoutBudgetMillis() { return inlineFanoutBudgetMillis; }
    public void setInlineFanoutBudgetMillis(long v) { inlineFanoutBudgetMillis = v; }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
