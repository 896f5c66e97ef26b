package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.data.IndexDefinition;
import com.nija.shared.data.QueueDefinition;
import com.nija.shared.data.Queues;
import com.nija.shared.data.TableDefinition;
import com.nija.shared.data.Tables;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Data: global tables, queues, cache, secrets and keys from the shared definitions")
class DataTest {
    /** Synthesized once per JVM (see {@link Synth}). */
    static final Synth.Result prod = Synth.prod();
    static final Synth.Result dev = Synth.dev();

    @Test
    @DisplayName("the primary owns each table as a global table built from its definition: keys, GSIs, TTL, on demand")
    void tablesFromDefinitions() {
        for (TableDefinition def : Tables.ALL) {
            Map<String, Object> t = prod.properties(prod.stack("us-east-1"), "AWS::DynamoDB::GlobalTable").stream()
                    .filter(p -> def.defaultName().equals(p.get("TableName"))).findFirst().orElseThrow();
            assertThat(t).containsEntry("BillingMode", "PAY_PER_REQUEST");
            assertThat((Object) at(t, "TimeToLiveSpecification", "AttributeName")).isEqualTo(def.ttlAttribute());
            assertThat(keys(t.get("KeySchema"))).containsExactly(def.partitionKey() + ":HASH", def.sortKey() + ":RANGE");
            Map<String, List<String>> gsis = list(t.get("GlobalSecondaryIndexes")).stream().collect(Collectors.toMap(
                    g -> (String) at(g, "IndexName"), g -> keys(at(g, "KeySchema"))));
            assertThat(gsis.keySet()).containsExactlyInAnyOrderElementsOf(
                    def.indexes().stream().map(IndexDefinition::name).toList());
            for (IndexDefinition i : def.indexes()) {
                assertThat(gsis.get(i.name())).containsExactly(i.partitionKey() + ":HASH", i.sortKey() + ":RANGE");
            }
        }
        for (String region : List.of("us-west-2", "eu-west-1")) {
            assertThat(prod.resources(prod.stack(region), "AWS::DynamoDB::GlobalTable")).isEmpty();
        }
    }

    @Test
    @DisplayName("point-in-time recovery is on for every replica; deletion protection in prod only")
    void pitrAndDeletionProtection() {
        for (Synth.Result r : List.of(prod, dev)) {
            for (Object replica : replicas(r)) {
                assertThat((Object) at(replica, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"))
                        .as(String.valueOf((Object) at(replica, "Region"))).isEqualTo(true);
                assertThat((Object) at(replica, "DeletionProtectionEnabled")).isEqualTo(r == prod);
            }
        }
    }

    @Test
    @DisplayName("one replica per configured region, whatever the context names")
    void replicasPerContext() {
        assertThat(replicas(prod).stream().map(rep -> at(rep, "Region")).toList())
                .containsExactlyInAnyOrder("us-east-1", "us-west-2", "eu-west-1");
        Synth.Result other = Synth.with(Map.of("regions", "eu-central-1:primary,ap-southeast-1:api"));
        assertThat(other.stacks).hasSize(2);
        List<Object> regions = list(other.properties(other.stack("eu-central-1"), "AWS::DynamoDB::GlobalTable").get(0)
                .get("Replicas")).stream().map(rep -> (Object) at(rep, "Region")).toList();
        assertThat(regions).containsExactlyInAnyOrder("eu-central-1", "ap-southeast-1");
        assertThat(other.resources(other.stack("ap-southeast-1"), "AWS::SQS::Queue")).isEmpty();
        assertThat(other.resources(other.stack("ap-southeast-1"), "AWS::ElastiCache::ReplicationGroup")).isEmpty();
    }

    @Test
    @DisplayName("engine regions create each queue from its definition with a DLQ after maxReceiveCount; API regions none")
    void queues() {
        for (RegionalStack s : prod.stacks) {
            var queues = prod.properties(s, "AWS::SQS::Queue");
            if (!s.regionSpec().role().runsEngine()) {
                assertThat(queues).isEmpty();
                continue;
            }
            assertThat(queues).hasSize(Queues.ALL.size() * 2);
            for (QueueDefinition def : Queues.ALL) {
                Map<String, Object> q = byName(queues, def.defaultName());
                Map<String, Object> dlq = byName(queues, def.deadLetterName());
                assertThat(q).containsEntry("VisibilityTimeout", (int) def.visibilityTimeout().toSeconds())
                        .containsEntry("SqsManagedSseEnabled", true);
                assertThat((Object) at(q, "RedrivePolicy", "maxReceiveCount")).isEqualTo(def.maxReceiveCount());
                assertThat(q.get("FifoQueue")).isEqualTo(def.fifo() ? true : null);
                assertThat(dlq.get("FifoQueue")).isEqualTo(def.fifo() ? true : null);
            }
        }
    }

    @Test
    @DisplayName("the cache is Multi-AZ Valkey with TLS and at-rest encryption; prod shards and scales on CPU 70% / memory 80%")
    void cache() {
        Map<String, Object> rg = prod.properties(prod.stack("us-east-1"), "AWS::ElastiCache::ReplicationGroup").get(0);
        assertThat(rg).containsEntry("Engine", "valkey").containsEntry("MultiAZEnabled", true)
                .containsEntry("AutomaticFailoverEnabled", true).containsEntry("TransitEncryptionEnabled", true)
                .containsEntry("AtRestEncryptionEnabled", true).containsEntry("ClusterMode", "enabled")
                .containsEntry("NumNodeGroups", 3).containsEntry("ReplicasPerNodeGroup", 1);
        var targets = prod.properties(prod.stack("us-east-1"), "AWS::ApplicationAutoScaling::ScalableTarget");
        assertThat(targets.stream().map(t -> t.get("ScalableDimension")).toList()).containsExactlyInAnyOrder(
                "elasticache:replication-group:NodeGroups", "elasticache:replication-group:Replicas");
        Map<Object, Object> targetsByMetric = prod.properties(prod.stack("us-east-1"),
                "AWS::ApplicationAutoScaling::ScalingPolicy").stream().collect(Collectors.toMap(
                p -> at(p, "TargetTrackingScalingPolicyConfiguration", "PredefinedMetricSpecification",
                        "PredefinedMetricType"),
                p -> at(p, "TargetTrackingScalingPolicyConfiguration", "TargetValue")));
        assertThat(targetsByMetric).containsEntry("ElastiCachePrimaryEngineCPUUtilization", 70)
                .containsEntry("ElastiCacheReplicaEngineCPUUtilization", 70)
                .containsEntry("ElastiCacheDatabaseMemoryUsageCountedForEvictPercentage", 80);

        Map<String, Object> devRg = dev.properties(dev.stack("us-east-1"), "AWS::ElastiCache::ReplicationGroup").get(0);
        assertThat(devRg).containsEntry("MultiAZEnabled", true).containsEntry("NumCacheClusters", 2)
                .containsEntry("TransitEncryptionEnabled", true).doesNotContainKey("NumNodeGroups");
        assertThat(dev.resources(dev.stack("us-east-1"), "AWS::ApplicationAutoScaling::ScalableTarget")).isEmpty();
        assertThat(prod.resources(prod.stack("eu-west-1"), "AWS::ElastiCache::ReplicationGroup")).isEmpty();
    }

    @Test
    @DisplayName("secrets live in the primary with a replica in every other region; the broker key is multi-Region")
    void secretsAndKeys() {
        var secrets = prod.properties(prod.stack("us-east-1"), "AWS::SecretsManager::Secret");
        assertThat(secrets.stream().map(s -> s.get("Name")).toList()).containsExactlyInAnyOrder(
                "nija/prod/cursor", "nija/prod/stripe-webhook", "nija/prod/stripe-api-key",
                "nija/prod/telegram-bot", "nija/prod/pseudonyms");
        secrets.forEach(s -> assertThat(list(s.get("ReplicaRegions")).stream().map(r -> (Object) at(r, "Region")).toList())
                .containsExactlyInAnyOrder("us-west-2", "eu-west-1"));
        Map<String, Object> key = prod.properties(prod.stack("us-east-1"), "AWS::KMS::Key").stream()
                .filter(k -> Boolean.TRUE.equals(k.get("MultiRegion"))).findFirst().orElseThrow();
        assertThat(key).containsEntry("EnableKeyRotation", true);
        for (String region : List.of("us-west-2", "eu-west-1")) {
            assertThat(prod.resources(prod.stack(region), "AWS::KMS::ReplicaKey")).hasSize(1);
            assertThat(prod.resources(prod.stack(region), "AWS::SecretsManager::Secret")).isEmpty();
        }
    }

    static Map<String, Object> byName(List<Map<String, Object>> queues, String name) {
        return queues.stream().filter(q -> name.equals(q.get("QueueName"))).findFirst()
                .orElseThrow(() -> new AssertionError("no queue " + name));
    }

    static List<Object> replicas(Synth.Result r) {
        return list(r.properties(r.stack("us-east-1"), "AWS::DynamoDB::GlobalTable").get(0).get("Replicas"));
    }

    static List<String> keys(Object keySchema) {
        return list(keySchema).stream().map(k -> at(k, "AttributeName") + ":" + at(k, "KeyType")).toList();
    }
}
