package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.cdk.data.ExportBucket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Large exports: a private, KMS-encrypted, short-lived bucket only the export functions may use")
class ExportBucketTest {
    static final Synth.Result prod = Synth.prod();
    static final Set<String> EXPORTERS = Set.of("export-trades", "export-billing");

    private static Map<String, Object> bucket(RegionalStack s) {
        Map<String, Map<String, Object>> buckets = prod.resources(s, "AWS::S3::Bucket");
        List<String> ids = buckets.keySet().stream().filter(k -> k.startsWith("ExportsBucket")).toList();
        assertThat(ids).as(s.getStackName()).hasSize(1);
        return Synth.props(buckets.get(ids.get(0)));
    }

    @Test
    @DisplayName("each region's bucket blocks public access, encrypts with KMS, expires exports after 7 days and "
            + "aborts unfinished uploads after 1")
    void privateEncryptedShortLived() {
        for (RegionalStack s : prod.stacks) {
            Map<String, Object> bucket = bucket(s);
            assertThat(Synth.<Map<String, Object>>at(bucket, "PublicAccessBlockConfiguration")).containsOnly(
                    Map.entry("BlockPublicAcls", true), Map.entry("BlockPublicPolicy", true),
                    Map.entry("IgnorePublicAcls", true), Map.entry("RestrictPublicBuckets", true));
            Map<String, Object> sse = at(list(at(bucket, "BucketEncryption", "ServerSideEncryptionConfiguration"))
                    .get(0), "ServerSideEncryptionByDefault");
            assertThat(sse).containsEntry("SSEAlgorithm", "aws:kms");
            Map<String, Object> rule = at(list(at(bucket, "LifecycleConfiguration", "Rules")).get(0));
            assertThat(rule).containsEntry("Status", "Enabled").containsEntry("ExpirationInDays", ExportBucket.KEEP_DAYS);
            assertThat(Synth.<Map<String, Object>>at(rule, "AbortIncompleteMultipartUpload"))
                    .containsEntry("DaysAfterInitiation", 1);
        }
    }

    @Test
    @DisplayName("the bucket refuses plain HTTP")
    void tlsOnly() {
        for (RegionalStack s : prod.stacks) {
            String policies = prod.properties(s, "AWS::S3::BucketPolicy").stream()
                    .filter(p -> String.valueOf(p.get("Bucket")).contains("ExportsBucket"))
                    .map(String::valueOf).reduce("", String::concat);
            assertThat(policies).contains("aws:SecureTransport").contains("Deny");
        }
    }

    @Test
    @DisplayName("only the export functions are told the bucket and may put or get objects, under exports/")
    void onlyExportersUseIt() {
        for (RegionalStack s : prod.stacks) {
            for (GrantsAndBudgetsTest.NamedFunction f : GrantsAndBudgetsTest.functions(s)) {
                boolean exporter = EXPORTERS.contains(f.name());
                assertThat(FunctionsTest.env(f.resource()).containsKey(ExportBucket.ENV)).as(f.name()).isEqualTo(exporter);
                List<String> actions = IamTest.actionsOf(s, f.name());
                assertThat(actions.stream().anyMatch(a -> a.startsWith("s3:PutObject"))).as(f.name()).isEqualTo(exporter);
                assertThat(actions.stream().anyMatch(a -> a.startsWith("s3:GetObject"))).as(f.name()).isEqualTo(exporter);
                if (exporter) {
                    assertThat(actions).filteredOn(a -> a.startsWith("s3:"))
                            .containsExactlyInAnyOrder("s3:PutObject", "s3:AbortMultipartUpload", "s3:GetObject");
                }
            }
        }
    }
}
