package com.nija.shared.capacity;

/**
 * What the CDK app creates that costs money whatever the traffic, per stage and context {@code lean} (cdk-app
 * {@code Stage}, {@code Footprint}, {@code AppConfig.DEFAULT_REGIONS}, {@code Cache}, {@code Network});
 * {@code DeploymentMatchesCdkTest} and {@code LeanTest} in cdk-app keep the two in step.
 *
 * @param engineRegions          regions running the engine (primary + full): VPC, NAT, cache, queues
 * @param apiRegions             API-only regions (a table replica, no cache, no queues)
 * @param natGatewaysPerRegion   NAT gateways in each engine region
 * @param azs                    availability zones of each engine region's VPC
 * @param interfaceEndpoints     VPC interface endpoints in each engine region (one ENI per zone each)
 * @param cacheNodeType          ElastiCache node type, or {@code serverless}
 * @param cacheNodesPerRegion    nodes in each engine region (shards × (1 + replicas))
 * @param functionMemoryMb       default function memory
 * @param alarmsPerRegion        CloudWatch alarms in each region
 * @param secretsPerRegion       Secrets Manager secrets (replicas count as secrets)
 */
public record Deployment(String name, int engineRegions, int apiRegions, int natGatewaysPerRegion, int azs,
                         int interfaceEndpoints, String cacheNodeType,
                         int cacheNodesPerRegion, int functionMemoryMb, int alarmsPerRegion, int secretsPerRegion) {
    public static final String SERVERLESS_CACHE = "serverless";

    /**
     * prod: us-east-1 primary, us-west-2 full, eu-west-1 API; 3 zones, 3 NAT, SQS / Secrets Manager / KMS interface
     * endpoints, 3 shards × (primary + 1 replica) r7g.large.
     */
    public static Deployment prod() {
        return new Deployment("prod", 2, 1, 3, 3, 3, "cache.r7g.large", 6, 1024, 30, 4);
    }

    /** dev: the same regions, 2 zones, 1 NAT, no interface endpoints, a t4g.small primary + replica, no alarms. */
    public static Deployment dev() {
        return new Deployment("dev", 2, 1, 1, 2, 0, "cache.t4g.small", 2, 1024, 0, 4);
    }

    /**
     * prod with one NAT gateway per region, no interface endpoints (their traffic through that NAT) and ElastiCache
     * Serverless instead of nodes: the fixed costs cut. The CDK app builds it with {@code -c stage=prod -c lean=true}.
     */
    public static Deployment prodLean() {
        return new Deployment("prod-lean", 2, 1, 1, 3, 0, SERVERLESS_CACHE, 0, 1024, 30, 4);
    }

    public int regions() {
        return engineRegions + apiRegions;
    }

    public static Deployment named(String name) {
        return switch (name) {
            case "prod" -> prod();
            case "dev" -> dev();
            case "prod-lean" -> prodLean();
            default -> throw new IllegalArgumentException("deployment must be prod, prod-lean or dev");
        };
    }
}
