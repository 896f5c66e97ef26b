package com.nija.cdk.config;

/**
 * What each engine region runs whatever the traffic: NAT gateways, VPC interface endpoints and the cache's shape.
 * By default the {@link Stage}'s (prod: a NAT gateway per zone, SQS / Secrets Manager / KMS endpoints, cache nodes);
 * context {@code lean=true} cuts those fixed costs (the cost model's {@code prod-lean}, docs/PERFORMANCE.md "Cost per
 * trader"): one NAT gateway per region, no interface endpoints (that traffic goes through the NAT) and ElastiCache
 * Serverless instead of nodes. The price: losing the NAT's zone cuts the other zones off from venues and AWS APIs until
 * it is back, and the serverless cache's latency and cost follow its traffic instead of a fixed size.
 *
 * @param natGateways        NAT gateways in each engine region
 * @param interfaceEndpoints SQS, Secrets Manager and KMS through interface endpoints
 * @param serverlessCache    ElastiCache Serverless instead of a replication group of nodes
 */
public record Footprint(int natGateways, boolean interfaceEndpoints, boolean serverlessCache) {
    public static final String CONTEXT_KEY = "lean";

    static Footprint of(Stage stage, boolean lean) {
        return lean ? new Footprint(1, false, true)
                : new Footprint(stage.natGateways(), stage.interfaceEndpoints(), false);
    }
}
