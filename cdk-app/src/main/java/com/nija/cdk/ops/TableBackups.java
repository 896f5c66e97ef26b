package com.nija.cdk.ops;

import com.nija.cdk.Nag;
import com.nija.cdk.config.AppConfig;
import com.nija.cdk.config.Names;
import com.nija.cdk.config.Stage;
import java.util.List;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.backup.BackupPlan;
import software.amazon.awscdk.services.backup.BackupPlanCopyActionProps;
import software.amazon.awscdk.services.backup.LockConfiguration;
import software.amazon.awscdk.services.backup.BackupPlanRule;
import software.amazon.awscdk.services.backup.BackupResource;
import software.amazon.awscdk.services.backup.BackupSelectionOptions;
import software.amazon.awscdk.services.backup.BackupVault;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.events.CronOptions;
import software.amazon.awscdk.services.events.Schedule;
import software.constructs.Construct;

/**
 * AWS Backup of the tables (blueprint "Backup Strategy": full backup daily at 02:00 UTC, kept 30 days). Point-in-time
 * recovery gives the seconds-level RPO; these are the copies that survive a bad write replicated to every region.
 * Every engine region backs up its own replica, so losing a region does not lose its backups.
 */
public final class TableBackups extends Construct {
    public static final int RETENTION_DAYS = 30;

    public TableBackups(Construct scope, String id, AppConfig config, Names names, List<ITableV2> tables) {
        super(scope, id);
        Stage stage = config.stage();
        String here = Stack.of(this).getRegion();
        // A vault that holds recovery points cannot be deleted, so no stage lets stack deletion try: the vault stays
        // (its recovery points expire), except when the deploy that created it rolls back (it is empty then).
        BackupVault vault = BackupVault.Builder.create(this, "Vault")
                .backupVaultName(names.of("tables"))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                // Optional (context backupVaultLockDays): no one, not even an administrator without the lock's
                // removal right, deletes a recovery point younger than that. Governance mode: it can be lifted.
                .lockConfiguration(config.backups().vaultLockDays().map(d -> LockConfiguration.builder()
                        .minRetention(Duration.days(d)).build()).orElse(null))
                .build();
        // The blueprint's "complete data loss" scenario needs a copy outside the region: every daily backup is
        // copied to the same-named vault of another engine region (which makes its own backups too).
        List<BackupPlanCopyActionProps> copies = config.backups().copyRegion(config, here)
                .map(r -> BackupPlanCopyActionProps.builder()
                        .destinationBackupVault(BackupVault.fromBackupVaultArn(this, "CopyVault", Arn.format(
                                ArnComponents.builder().service("backup").region(r).resource("backup-vault")
                                        .resourceName(names.of("tables")).arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                                        .build(), Stack.of(this))))
                        .deleteAfter(Duration.days(RETENTION_DAYS))
                        .build())
                .map(List::of).orElse(List.of());
        BackupPlan plan = BackupPlan.Builder.create(this, "Plan")
                .backupPlanName(names.of("tables-daily"))
                .backupVault(vault)
                .backupPlanRules(List.of(BackupPlanRule.Builder.create()
                        .ruleName("daily-0200-utc")
                        .scheduleExpression(Schedule.cron(CronOptions.builder().hour("2").minute("0").build()))
                        .startWindow(Duration.hours(1))
                        .completionWindow(Duration.hours(4))
                        .deleteAfter(Duration.days(RETENTION_DAYS))
                        .copyActions(copies)
                        .build()))
                .build();
        var selection = plan.addSelection("Tables", BackupSelectionOptions.builder()
                .resources(tables.stream().map(t -> BackupResource.fromArn(t.getTableArn())).toList())
                .build());
        Nag.suppress(selection, "AwsSolutions-IAM4", "AWS Backup's service role uses the AWS managed "
                + "AWSBackupServiceRolePolicyForBackup (and ...ForRestores); AWS documents it as the role to use.",
                List.of("/^Policy::arn:<AWS::Partition>:iam::aws:policy\\/service-role\\/AWSBackupServiceRolePolicyFor.*$/g"));
    }
}
