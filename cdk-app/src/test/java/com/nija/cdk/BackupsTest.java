package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.cdk.config.AppConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Backups: a copy of every daily backup in another region, and an optional vault lock")
class BackupsTest {
    static Object rule(Synth.Result r, String region) {
        var plans = r.properties(r.stack(region), "AWS::Backup::BackupPlan");
        assertThat(plans).hasSize(1);
        return list(at(plans.get(0), "BackupPlan", "BackupPlanRule")).get(0);
    }

    static String copyTarget(Synth.Result r, String region) {
        List<Object> copies = list(at(rule(r, region), "CopyActions"));
        assertThat(copies).as(region).hasSize(1);
        assertThat((Object) at(copies.get(0), "Lifecycle", "DeleteAfterDays")).isEqualTo(30);
        return String.valueOf((Object) at(copies.get(0), "DestinationBackupVaultArn"));
    }

    @Test
    @DisplayName("each engine region copies its backups to the other engine region's vault")
    void copiedToAnotherRegion() {
        Synth.Result prod = Synth.prod();
        assertThat(copyTarget(prod, "us-east-1")).contains(":backup:us-west-2:").contains("backup-vault:nija-prod-tables");
        assertThat(copyTarget(prod, "us-west-2")).contains(":backup:us-east-1:").contains("backup-vault:nija-prod-tables");
        prod.properties(prod.stack("us-east-1"), "AWS::Backup::BackupVault")
                .forEach(v -> assertThat(v).doesNotContainKey("LockConfiguration"));
    }

    @Test
    @DisplayName("with one engine region there is nowhere to copy; a copy region must be an engine region")
    void oneEngineRegion() {
        Synth.Result one = Synth.with(Map.of("regions", "eu-central-1:primary,ap-southeast-1:api"));
        assertThat(list(at(rule(one, "eu-central-1"), "CopyActions"))).isEmpty();
        assertThatThrownBy(() -> {
            AppConfig c = AppConfig.from(Map.<String, Object>of("backupCopyRegion", "eu-west-1")::get);
            c.backups().copyRegion(c, "us-east-1");
        }).hasMessageContaining("not an engine region");
    }

    @Test
    @DisplayName("backupVaultLockDays locks the vault for that many days")
    void vaultLock() {
        Synth.Result locked = Synth.with(Map.of("regions", "us-east-1:primary,us-west-2:full",
                "backupVaultLockDays", "7"));
        for (String region : List.of("us-east-1", "us-west-2")) {
            var vault = locked.properties(locked.stack(region), "AWS::Backup::BackupVault").get(0);
            assertThat((Object) at(vault, "LockConfiguration", "MinRetentionDays")).isEqualTo(7);
        }
        assertThatThrownBy(() -> AppConfig.from(Map.<String, Object>of("backupVaultLockDays", "90")::get))
                .hasMessageContaining("1 to 30");
    }
}
