package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.props;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Retries after a failed first deploy: nothing retained by a rollback, no fixed log group names, "
        + "no stack deletion blocked by a backup vault")
class FirstDeployRetryTest {
    static final Synth.Result prod = Synth.prod();
    static final Synth.Result dev = Synth.dev();

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> all(Synth.Result r, RegionalStack s) {
        return (Map<String, Map<String, Object>>) (Map<String, ?>) r.json(s).get("Resources");
    }

    @Test
    @DisplayName("no resource is plainly Retain: prod keeps data on update/delete but a rolled-back create deletes it")
    void nothingSurvivesTheRollbackOfItsOwnCreate() {
        for (Synth.Result r : List.of(prod, dev)) {
            for (RegionalStack s : r.stacks) {
                all(r, s).forEach((id, res) -> assertThat(res.get("DeletionPolicy")).as(s.getStackName() + " " + id)
                        .isIn(null, "Delete", "RetainExceptOnCreate"));
            }
        }
        RegionalStack primary = prod.stack("us-east-1");
        for (String type : List.of("AWS::DynamoDB::GlobalTable", "AWS::SecretsManager::Secret", "AWS::KMS::Key",
                "AWS::Cognito::UserPool", "AWS::Logs::LogGroup", "AWS::Backup::BackupVault")) {
            var resources = prod.resources(primary, type);
            assertThat(resources).as(type).isNotEmpty();
            resources.forEach((id, res) -> assertThat(res).as(id).containsEntry("DeletionPolicy", "RetainExceptOnCreate")
                    .containsEntry("UpdateReplacePolicy", "Retain"));
        }
        // Dev deletes its data with the stack (the vault aside, below), except the audit trail, kept in every stage.
        dev.resources(dev.stack("us-east-1"), "AWS::DynamoDB::GlobalTable").forEach((id, t) -> assertThat(t).as(id)
                .containsEntry("DeletionPolicy", id.contains("audit") ? "RetainExceptOnCreate" : "Delete"));
    }

    @Test
    @DisplayName("log groups have generated names, so a retained one never collides; each function logs to its own")
    void logGroupsHaveGeneratedNames() {
        for (Synth.Result r : List.of(prod, dev)) {
            for (RegionalStack s : r.stacks) {
                var groups = r.resources(s, "AWS::Logs::LogGroup");
                groups.forEach((id, g) -> assertThat(props(g)).as(s.getStackName() + " " + id)
                        .doesNotContainKey("LogGroupName"));
                FunctionsTest.javaFunctions(r, s).forEach((id, fn) -> assertThat(groups)
                        .as(id).containsKey((String) at(fn, "Properties", "LoggingConfig", "LogGroup", "Ref")));
            }
        }
    }

    @Test
    @DisplayName("the backup vault is never deleted by a stack deletion (it may hold recovery points), in any stage")
    void backupVaultNeverBlocksDeletion() {
        for (Synth.Result r : List.of(prod, dev)) {
            for (RegionalStack s : r.stacks) {
                var vaults = r.resources(s, "AWS::Backup::BackupVault");
                if (!s.regionSpec().role().runsEngine()) continue;
                assertThat(vaults).as(s.getStackName()).isNotEmpty();
                vaults.values().forEach(v -> assertThat(v.get("DeletionPolicy")).isEqualTo("RetainExceptOnCreate"));
            }
        }
    }
}
