package com.nija.cdk.functions;

import com.nija.cdk.api.UserDirectory;
import com.nija.cdk.config.AppConfig;
import com.nija.cdk.config.Names;
import com.nija.cdk.data.ExportBucket;
import com.nija.cdk.data.GlobalTables;
import com.nija.cdk.data.SecretsAndKeys;
import com.nija.cdk.data.WorkQueues;
import com.nija.cdk.functions.FunctionProfile.SecretKind;
import com.nija.cdk.network.Cache;
import com.nija.cdk.network.Network;
import com.nija.functions.lambda.LambdaJvm;
import com.nija.shared.data.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Builds every NIJA function the same way: runtime {@code java21}, the one shaded jar, handler = class name,
 * SnapStart on published versions with an alias {@code live}, Powertools environment, its own log group with the
 * stage's retention, its own role with only the grants its {@link FunctionProfile} lists.
 *
 * <p>No provisioned concurrency anywhere: SnapStart versions do not support it (and restore fast enough without).
 */
public final class FunctionFactory {
    public static final String ALIAS = "live";
    /** C1 only and the serial collector: what {@code bench cold-start} measures (LambdaJvm says why). */
    public static final String JAVA_TOOL_OPTIONS = LambdaJvm.javaToolOptions();
    public static final String METRICS_NAMESPACE = "NIJA";

    /** Where a function's resources come from in this region. */
    public record Wiring(AppConfig config, Names names, java.nio.file.Path functionJar, GlobalTables tables, Optional<WorkQueues> queues,
                         Optional<Network> network, Optional<Cache> cache, SecretsAndKeys secrets,
                         Optional<String> queueRegion, UserDirectory.Issuer issuer, ExportBucket exports) {}

    private final Construct scope;
    private final Wiring wiring;
    /** The jar as an asset of this factory's stack: CDK ties an asset to one stack, nested stacks included. */
    private final Code code;

    public FunctionFactory(Construct scope, Wiring wiring) {
        this.scope = scope;
        this.wiring = wiring;
        this.code = Code.fromAsset(wiring.functionJar().toString());
    }

    /** The same wiring, building functions under {@code other} (a nested stack of the region's stack). */
    public FunctionFactory in(Construct other) {
        return new FunctionFactory(other, wiring);
    }

    public NijaFunction create(FunctionSpec spec) {
        FunctionProfile sized = FunctionProfiles.forSpec(spec);
        // A worker's reservation is its concurrency (the executor's from the capacity model, WorkerConcurrency).
        return create(spec, spec.worker().map(w -> sized.withReservedConcurrency(wiring.config().workers().reservation(w)))
                .orElse(sized));
    }

    public NijaFunction create(FunctionSpec spec, FunctionProfile sized) {
        FunctionProfile profile = sized.withReservedConcurrency(
                wiring.config().reservations().of(spec.function(), sized.reservedConcurrency()));
        Construct holder = new Construct(scope, spec.function());
        String functionName = wiring.names().function(spec.function());
        // No fixed name: the function logs to this group by its logging config, and a retained group named
        // /aws/lambda/<function> would make the next create of the function's stack fail with "already exists".
        LogGroup logs = LogGroup.Builder.create(holder, "Logs")
                .retention(wiring.config().stage().logRetention())
                .removalPolicy(wiring.config().stage().removalPolicy())
                .build();
        // Our own role instead of CDK's default: the default attaches AWS managed policies whose log and ENI
        // statements cover every log group in the account. This one writes only to its own log group.
        Role role = Role.Builder.create(holder, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("NIJA " + spec.function() + ": only what this function needs")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn()))
                .build());

        Function.Builder fb = Function.Builder.create(holder, "Function")
                .functionName(functionName)
                .description(spec.handler())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(code)
                .handler(spec.handler())
                .memorySize(profile.memoryMb())
                .timeout(Duration.seconds(profile.timeoutSeconds()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(Tracing.ACTIVE)
                .logGroup(logs)
                .role(role)
                .environment(environment(spec, profile));
        profile.reservedConcurrency().ifPresent(fb::reservedConcurrentExecutions);
        // Functions without data access (the WebSocket authorizer) stay out of the VPC: no Redis, no ENI to wait for.
        if (wiring.network().isPresent() && profile.table() != FunctionProfile.TableAccess.NONE) {
            Network n = wiring.network().get();
            fb.vpc(n.vpc()).vpcSubnets(n.functionSubnets()).securityGroups(List.of(n.functionsSecurityGroup()));
            // Lambda creates and removes its ENIs through these calls; EC2 offers no resource-level scoping for
            // the Describe calls, and AWS's own AWSLambdaVPCAccessExecutionRole grants the same set on "*".
            role.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                            "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses",
                            "ec2:UnassignPrivateIpAddresses"))
                    .resources(List.of("*"))
                    .build());
        }
        if (profile.async()) {
            Queue dlq = Queue.Builder.create(holder, "AsyncDlq")
                    .queueName(wiring.names().of(spec.function() + "-async-dlq"))
                    .retentionPeriod(Duration.days(14))
                    .enforceSsl(true)
                    .encryption(software.amazon.awscdk.services.sqs.QueueEncryption.SQS_MANAGED)
                    .build();
            fb.deadLetterQueue(dlq);
        }
        Function fn = fb.build();
        Alias alias = Alias.Builder.create(holder, "Alias")
                .aliasName(ALIAS)
                .version(fn.getCurrentVersion())
                .build();
        // Every trigger (API integration, event source) targets the alias, so SnapStart always applies.
        software.amazon.awscdk.Annotations.of(fn).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "triggers target the 'live' alias on the published version");
        grant(role, profile);
        return new NijaFunction(spec, profile, fn, alias, logs);
    }

    private Map<String, String> environment(FunctionSpec spec, FunctionProfile profile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("POWERTOOLS_SERVICE_NAME", spec.function());
        env.put("POWERTOOLS_METRICS_NAMESPACE", METRICS_NAMESPACE);
        env.put("POWERTOOLS_LOG_LEVEL", wiring.config().logLevel());
        env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        env.put("NIJA_STAGE", wiring.config().stage().label());
        if (profile.table() != FunctionProfile.TableAccess.NONE) {
            wiring.tables().all().keySet().forEach(id -> env.put(GlobalTables.envVar(id), wiring.tables().name(id)));
        }
        if (profile.table() != FunctionProfile.TableAccess.NONE) wiring.cache().ifPresent(c -> {
            env.put("NIJA_REDIS_URL", c.url());
            env.put("NIJA_REDIS_CLUSTER", String.valueOf(c.clusterMode()));
        });
        for (String queueId : profile.sendsTo()) {
            env.put(WorkQueues.envVar(queueId), queues().queue(queueId).getQueueUrl());
        }
        if (!profile.sendsTo().isEmpty()) {
            wiring.queueRegion().ifPresent(r -> env.put("NIJA_SQS_REGION", r));
        }
        for (SecretKind kind : profile.secrets()) {
            env.put(kind.envVar(), wiring.secrets().secretId(kind));
        }
        // Traders' venue keys are sealed with the same envelope key as sources' secrets (associated data keeps them
        // apart): one variable, read by the envelope (nija.envelope.key-arn).
        if (profile.brokerKey() || profile.has(FunctionProfile.Extra.SEALS_SECRETS)
                || profile.has(FunctionProfile.Extra.OPENS_SEALED_SECRETS)) {
            env.put("NIJA_ENVELOPE_KEY_ARN", wiring.secrets().brokerKey().getKeyArn());
        }
        if (profile.has(FunctionProfile.Extra.SENDS_EMAIL)) {
            env.put("NIJA_NOTIFICATIONS_EMAIL_TRANSPORT", "ses");
            env.put("NIJA_NOTIFICATIONS_EMAIL_FROM", com.nija.cdk.config.NotificationMail.from(wiring.config()));
        }
        // A scheduled run stops starting work in time to finish within its timeout (ScheduledHandler).
        if (spec.schedule().isPresent()) env.put("NIJA_TIME_BUDGET_SECONDS", String.valueOf(profile.timeoutSeconds()));
        if (profile.has(FunctionProfile.Extra.VERIFIES_TOKENS)) {
            env.put("NIJA_AUTH_ISSUER", wiring.issuer().url());
            env.put("NIJA_AUTH_AUDIENCE", wiring.issuer().clientId());
        }
        // Checkout and the portal send the trader back to the dashboard: its first origin (prod requires one).
        if (profile.has(FunctionProfile.Extra.RETURNS_TO_DASHBOARD)) {
            env.put("NIJA_BILLING_RETURN_URL", wiring.config().dashboardOrigins().get(0) + "/");
        }
        if (profile.has(FunctionProfile.Extra.WRITES_EXPORTS)) env.put(ExportBucket.ENV, wiring.exports().name());
        if (profile.has(FunctionProfile.Extra.SIGNS_IN)) {
            env.put("NIJA_SIGN_IN_CLIENT_ID", wiring.issuer().clientId());
            wiring.issuer().signInUrl().ifPresent(url -> env.put("NIJA_SIGN_IN_DOMAIN", url));
        }
        return env;
    }

    private void grant(Role role, FunctionProfile profile) {
        wiring.tables().all().forEach((id, table) -> {
            switch (profile.table()) {
                case READ -> {
                    table.grantReadData(role);
                    if (id.equals(Tables.AUDIT.id()) && profile.has(FunctionProfile.Extra.AUDITS_READS)) {
                        table.grant(role, "dynamodb:PutItem");
                    }
                }
                // Audit records are only ever added: no function may update or delete one (docs/AUDIT.md).
                case READ_WRITE -> {
                    if (id.equals(Tables.AUDIT.id())) {
                        table.grantReadData(role);
                        table.grant(role, "dynamodb:PutItem");
                        if (profile.has(FunctionProfile.Extra.PSEUDONYMISES_AUDIT)) {
                            table.grant(role, "dynamodb:DeleteItem");
                        }
                    } else {
                        table.grantReadWriteData(role);
                    }
                }
                case NONE -> { }
            }
        });
        for (String queueId : profile.sendsTo()) queues().queue(queueId).grantSendMessages(role);
        for (SecretKind kind : profile.secrets()) wiring.secrets().secret(kind).grantRead(role);
        if (profile.brokerKey()) wiring.secrets().brokerKey().grantDecrypt(role);
        // Exactly the call each side makes: sealing never needs Decrypt, opening never GenerateDataKey.
        if (profile.has(FunctionProfile.Extra.SEALS_SECRETS)) {
            wiring.secrets().brokerKey().grant(role, "kms:GenerateDataKey");
        }
        if (profile.has(FunctionProfile.Extra.OPENS_SEALED_SECRETS)) wiring.secrets().brokerKey().grantDecrypt(role);
        if (profile.has(FunctionProfile.Extra.WRITES_EXPORTS)) wiring.exports().grantExports(role);
        if (profile.has(FunctionProfile.Extra.SENDS_EMAIL)) {
            // SES v2 SendEmail authorizes on the sender's identity; the condition pins the From address as well.
            Stack stack = Stack.of(role);
            role.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("ses:SendEmail"))
                    .resources(List.of(Arn.format(ArnComponents.builder().service("ses").resource("identity")
                            .resourceName(com.nija.cdk.config.NotificationMail.domain(wiring.config())).build(), stack)))
                    .conditions(Map.of("StringEquals", Map.of("ses:FromAddress",
                            com.nija.cdk.config.NotificationMail.from(wiring.config()))))
                    .build());
        }
    }

    private WorkQueues queues() {
        return wiring.queues().orElseThrow(() -> new IllegalStateException("no queues wired in this region"));
    }
}
