package com.nija.cdk.network;

import com.nija.cdk.Nag;
import com.nija.cdk.config.Footprint;
import com.nija.cdk.config.Names;
import com.nija.cdk.config.Stage;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.BasicTargetTrackingScalingPolicyProps;
import software.amazon.awscdk.services.applicationautoscaling.PredefinedMetric;
import software.amazon.awscdk.services.applicationautoscaling.ScalableTarget;
import software.amazon.awscdk.services.applicationautoscaling.ServiceNamespace;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticache.CfnServerlessCache;
import software.amazon.awscdk.services.elasticache.CfnSubnetGroup;
import software.constructs.Construct;

/**
 * ElastiCache for Valkey (Redis OSS compatible) in the isolated subnets: Multi-AZ with automatic failover, TLS in
 * transit, encryption at rest. Prod runs cluster mode with the blueprint's 3 shards × (1 primary + 1 replica) and
 * auto scaling of shards and replicas on CPU 70% / memory 80% (blueprint "Scaling Triggers"); dev runs one shard of
 * two nodes. With context {@code lean} ({@link Footprint}) it is ElastiCache Serverless instead: no nodes to pay for
 * while idle, TLS always, replicated across the subnets' zones, scaling itself; the functions reach it with Lettuce's
 * cluster client (a serverless cache speaks the cluster protocol behind one endpoint: ElastiCache user guide,
 * "Connecting to a serverless cache").
 */
public final class Cache extends Construct {
    /** Not the default 6379 (cdk-nag AEC5): scanners that try the default find nothing. */
    public static final int PORT = 6390;
    /** A serverless cache's endpoint port, which cannot be chosen (its reader endpoint, unused here, is 6380). */
    public static final int SERVERLESS_PORT = 6379;
    static final int MAX_SHARDS = 10;
    static final int MAX_REPLICAS = 5;
    /** Blueprint "Scaling Triggers": CPU > 70% → scale up. */
    public static final double SCALE_CPU_PERCENT = 70;
    /** Blueprint "Scaling Triggers": memory > 80% → scale up. */
    public static final double SCALE_MEMORY_PERCENT = 80;

    private final Stage stage;
    private final String groupId;
    private final String url;
    private final boolean serverless;

    public Cache(Construct scope, String id, Stage stage, Footprint footprint, Names names, Network network) {
        super(scope, id);
        this.stage = stage;
        this.groupId = names.of("cache");
        this.serverless = footprint.serverlessCache();
        SecurityGroup sg = SecurityGroup.Builder.create(this, "Sg")
                .vpc(network.vpc())
                .description("NIJA cache: TLS from the functions only")
                .allowAllOutbound(false)
                .build();
        sg.addIngressRule(Peer.securityGroupId(network.functionsSecurityGroup().getSecurityGroupId()),
                Port.tcp(serverless ? SERVERLESS_PORT : PORT), "functions to Valkey (TLS)");
        if (serverless) {
            CfnServerlessCache cache = CfnServerlessCache.Builder.create(this, "Serverless")
                    .serverlessCacheName(groupId)
                    .description("NIJA cache-aside, prices, rate limits (serverless)")
                    .engine("valkey")
                    .majorEngineVersion("8")
                    .subnetIds(network.vpc().selectSubnets(network.cacheSubnets()).getSubnetIds())
                    .securityGroupIds(List.of(sg.getSecurityGroupId()))
                    .snapshotRetentionLimit(stage.isProd() ? 7 : 1)
                    .build();
            url = "rediss://" + cache.getAttrEndpointAddress() + ":" + cache.getAttrEndpointPort();
            return;
        }
        CfnSubnetGroup subnets = CfnSubnetGroup.Builder.create(this, "Subnets")
                .description("NIJA cache subnets (isolated)")
                .subnetIds(network.vpc().selectSubnets(network.cacheSubnets()).getSubnetIds())
                .build();
        CfnReplicationGroup.Builder b = CfnReplicationGroup.Builder.create(this, "Group")
                .replicationGroupId(groupId)
                .replicationGroupDescription("NIJA cache-aside, prices, rate limits")
                .engine("valkey")
                .engineVersion("8.0")
                .cacheNodeType(stage.cacheNodeType())
                .port(PORT)
                .cacheSubnetGroupName(subnets.getRef())
                .securityGroupIds(List.of(sg.getSecurityGroupId()))
                .multiAzEnabled(true)
                .automaticFailoverEnabled(true)
                .transitEncryptionEnabled(true)
                .transitEncryptionMode("required")
                .atRestEncryptionEnabled(true)
                .autoMinorVersionUpgrade(true)
                // Blueprint keeps Redis snapshots 7 days; a cache rebuilds from DynamoDB, so dev keeps one.
                .snapshotRetentionLimit(stage.isProd() ? 7 : 1);
        if (stage.cacheClusterMode()) {
            b.clusterMode("enabled")
                    .cacheParameterGroupName("default.valkey8.cluster.on")
                    .numNodeGroups(stage.cacheShards())
                    .replicasPerNodeGroup(stage.cacheReplicasPerShard());
        } else {
            b.cacheParameterGroupName("default.valkey8")
                    .numCacheClusters(1 + stage.cacheReplicasPerShard());
        }
        CfnReplicationGroup group = b.build();
        group.addResourceDependency(subnets);
        url = stage.cacheClusterMode()
                ? "rediss://" + group.getAttrConfigurationEndPointAddress() + ":" + group.getAttrConfigurationEndPointPort()
                : "rediss://" + group.getAttrPrimaryEndPointAddress() + ":" + group.getAttrPrimaryEndPointPort();
        Nag.suppress(group, "AwsSolutions-AEC6", "Reachable only from the functions' security group inside isolated "
                + "subnets, TLS required; the cache holds derived data only (DynamoDB is the record). IAM/RBAC "
                + "authentication needs token handling in the functions' Redis client and is a follow-up.");
        if (stage.cacheClusterMode()) autoScale(group);
    }

    private void autoScale(CfnReplicationGroup group) {
        String resourceId = "replication-group/" + groupId;
        ScalableTarget shards = ScalableTarget.Builder.create(this, "Shards")
                .serviceNamespace(ServiceNamespace.ELASTICACHE)
                .scalableDimension("elasticache:replication-group:NodeGroups")
                .resourceId(resourceId)
                .minCapacity(stage.cacheShards())
                .maxCapacity(MAX_SHARDS)
                .build();
        shards.getNode().addDependency(group);
        shards.scaleToTrackMetric("Cpu", tracking(PredefinedMetric.ELASTICACHE_PRIMARY_ENGINE_CPU_UTILIZATION,
                SCALE_CPU_PERCENT));
        shards.scaleToTrackMetric("Memory", tracking(
                PredefinedMetric.ELASTICACHE_DATABASE_MEMORY_USAGE_COUNTED_FOR_EVICT_PERCENTAGE, SCALE_MEMORY_PERCENT));
        ScalableTarget replicas = ScalableTarget.Builder.create(this, "Replicas")
                .serviceNamespace(ServiceNamespace.ELASTICACHE)
                .scalableDimension("elasticache:replication-group:Replicas")
                .resourceId(resourceId)
                .minCapacity(stage.cacheReplicasPerShard())
                .maxCapacity(MAX_REPLICAS)
                .build();
        replicas.getNode().addDependency(group);
        replicas.scaleToTrackMetric("Cpu", tracking(PredefinedMetric.ELASTICACHE_REPLICA_ENGINE_CPU_UTILIZATION,
                SCALE_CPU_PERCENT));
    }

    private static BasicTargetTrackingScalingPolicyProps tracking(PredefinedMetric metric, double target) {
        // Blueprint: scale up after 5 minutes above target, down after 15 minutes below.
        return BasicTargetTrackingScalingPolicyProps.builder()
                .predefinedMetric(metric)
                .targetValue(target)
                .scaleOutCooldown(Duration.minutes(5))
                .scaleInCooldown(Duration.minutes(15))
                .build();
    }

    /**
     * {@code rediss://host:port}: the configuration endpoint in cluster mode, the primary endpoint otherwise, the
     * serverless cache's endpoint when lean.
     */
    public String url() {
        return url;
    }

    /** Whether the functions use Lettuce's cluster client: cluster mode, and always for a serverless cache. */
    public boolean clusterMode() {
        return serverless || stage.cacheClusterMode();
    }

    public boolean serverless() {
        return serverless;
    }

    /**
     * A serverless cache's metric (AWS/ElastiCache, dimension {@code clusterId} = the cache's name: ElastiCache user
     * guide, "Serverless metrics and events").
     */
    public Metric serverlessMetric(String metricName, String statistic, Duration period) {
        return Metric.Builder.create()
                .namespace("AWS/ElastiCache")
                .metricName(metricName)
                .dimensionsMap(java.util.Map.of("clusterId", groupId))
                .statistic(statistic)
                .period(period)
                .build();
    }

    public String groupId() {
        return groupId;
    }

    /**
     * One metric per node of the initial topology (ElastiCache publishes per node, dimension {@code CacheClusterId}:
     * {@code <group>-0001-001} in cluster mode, {@code <group>-001} otherwise). Shards that auto scaling adds later
     * are not in these lists; the scaling policies themselves act on every node, at lower thresholds.
     */
    public List<Metric> nodeMetrics(String metricName, Duration period) {
        if (serverless) throw new IllegalStateException("a serverless cache has no nodes: use serverlessMetric");
        List<String> nodes = new ArrayList<>();
        int perShard = 1 + stage.cacheReplicasPerShard();
        if (stage.cacheClusterMode()) {
            for (int s = 1; s <= stage.cacheShards(); s++) {
                for (int n = 1; n <= perShard; n++) nodes.add(String.format("%s-%04d-%03d", groupId, s, n));
            }
        } else {
            for (int n = 1; n <= perShard; n++) nodes.add(String.format("%s-%03d", groupId, n));
        }
        return nodes.stream().map(node -> Metric.Builder.create()
                .namespace("AWS/ElastiCache")
                .metricName(metricName)
                .dimensionsMap(java.util.Map.of("CacheClusterId", node))
                .statistic("Maximum")
                .period(period)
                .build()).toList();
    }
}
