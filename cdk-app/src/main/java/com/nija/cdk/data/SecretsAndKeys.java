package com.nija.cdk.data;

import com.nija.cdk.Nag;
import com.nija.cdk.config.AppConfig;
import com.nija.cdk.config.Names;
import com.nija.cdk.config.RegionRole;
import com.nija.cdk.functions.FunctionProfile.SecretKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.CfnAlias;
import software.amazon.awscdk.services.kms.CfnReplicaKey;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.ReplicaRegion;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The secrets of {@link SecretKind} and the KMS key of envelope encryption: it wraps the data keys of the secrets
 * kept sealed in the table (signal sources' HMAC keys now, traders' broker credentials next).
 *
 * <p>Both must be the same in every region: the table is global, so a credential encrypted in one region is decrypted
 * in another, and a cursor handed out by one region may come back to another after a DNS failover. So the primary
 * stack creates each secret with a replica in every other region, and the key as a multi-Region key whose replicas
 * the other stacks create.
 */
public final class SecretsAndKeys extends Construct {
    private final Map<SecretKind, ISecret> secrets = new EnumMap<>(SecretKind.class);
    private final IKey brokerKey;
    private final Optional<Key> primaryBrokerKey;

    public SecretsAndKeys(Construct scope, String id, AppConfig config, RegionRole role, Names names,
                          Optional<String> primaryBrokerKeyArn) {
        super(scope, id);
        boolean primary = role == RegionRole.PRIMARY;
        RemovalPolicy removal = config.stage().removalPolicy();
        List<ReplicaRegion> replicas = config.regions().stream().filter(r -> r.role() != RegionRole.PRIMARY)
                .map(r -> ReplicaRegion.builder().region(r.region()).build()).toList();
        for (SecretKind kind : SecretKind.values()) {
            String name = SecretNames.of(names, kind);
            if (primary) {
                Secret secret = Secret.Builder.create(this, kind.id())
                        .secretName(name)
                        .description(description(kind))
                        // Random until ops store the real value (put-secret-value); the cursor key stays random.
                        .generateSecretString(SecretStringGenerator.builder().passwordLength(64)
                                .excludePunctuation(true).build())
                        .replicaRegions(replicas)
                        .removalPolicy(removal)
                        .build();
                Nag.suppress(secret, "AwsSolutions-SMG4", rotationReason(kind));
                secrets.put(kind, secret);
            } else {
                // The replica has the primary's name; its complete ARN (random suffix) is unknown here, so functions
                // get the name (GetSecretValue takes a name or a complete ARN, never a partial one).
                secrets.put(kind, Secret.fromSecretNameV2(this, kind.id(), name));
            }
        }
        String alias = "alias/" + names.of("broker-credentials");
        if (primary) {
            Key key = Key.Builder.create(this, "BrokerKey")
                    .description("NIJA " + config.stage().label() + ": envelope key of traders' broker credentials")
                    .multiRegion(true)
                    .enableKeyRotation(true)
                    .alias(alias)
                    .pendingWindow(Duration.days(config.stage().isProd() ? 30 : 7))
                    .removalPolicy(removal)
                    .build();
            brokerKey = key;
            primaryBrokerKey = Optional.of(key);
        } else {
            String primaryArn = primaryBrokerKeyArn.orElseThrow(
                    () -> new IllegalStateException("a non-primary region needs the primary broker key's ARN"));
            // A replica key has no CloudFormation rotation switch: rotation follows the primary key.
            CfnReplicaKey replica = CfnReplicaKey.Builder.create(this, "BrokerKey")
                    .primaryKeyArn(primaryArn)
                    .description("NIJA " + config.stage().label() + ": replica of the broker credentials key")
                    .pendingWindowInDays(config.stage().isProd() ? 30 : 7)
                    .keyPolicy(adminOnlyPolicy())
                    .build();
            replica.applyRemovalPolicy(removal);
            CfnAlias.Builder.create(this, "BrokerKeyAlias").aliasName(alias).targetKeyId(replica.getAttrKeyId()).build();
            brokerKey = Key.fromKeyArn(this, "BrokerKeyRef", replica.getAttrArn());
            primaryBrokerKey = Optional.empty();
        }
    }

    /** The key policy a CDK {@code Key} gets by default: the account administers it, IAM policies grant use. */
    private PolicyDocument adminOnlyPolicy() {
        return PolicyDocument.Builder.create().statements(List.of(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new AccountRootPrincipal()))
                .actions(List.of("kms:*"))
                .resources(List.of("*"))
                .build())).build();
    }

    private static String description(SecretKind kind) {
        return switch (kind) {
            case CURSOR -> "HMAC key that signs pagination cursors";
            case STRIPE_WEBHOOK -> "Stripe webhook signing secret (whsec_...)";
            case STRIPE_API -> "Stripe secret API key (sk_... or a restricted rk_...) for Checkout and the portal";
            case TELEGRAM_BOT -> "Token of the Telegram bot that posts traders' notifications (from @BotFather)";
            case PSEUDONYM_PEPPER -> "Pepper of deleted traders' one-way pseudonyms (docs/AUDIT.md)";
        };
    }

    private static String rotationReason(SecretKind kind) {
        return switch (kind) {
            case CURSOR -> "Rotating the cursor key invalidates every cursor in flight; it is rotated by hand "
                    + "(put-secret-value) when needed, never on a timer.";
            case STRIPE_WEBHOOK -> "Stripe issues the webhook signing secret; it is rolled in Stripe's dashboard "
                    + "and then stored here, so Secrets Manager cannot rotate it.";
            case STRIPE_API -> "Stripe issues the API key; it is rolled in Stripe's dashboard and then stored "
                    + "here, so Secrets Manager cannot rotate it.";
            case TELEGRAM_BOT -> "Telegram's @BotFather issues and revokes the bot token; a new one is stored here "
                    + "by hand, so Secrets Manager cannot rotate it.";
            case PSEUDONYM_PEPPER -> "A new pepper would give a trader deleted later a second pseudonym and break a "
                    + "resumed deletion; it is never rotated.";
        };
    }

    public ISecret secret(SecretKind kind) {
        return secrets.get(kind);
    }

    /**
     * What a function is told to read: the complete ARN where this stack created the secret, else the secret's
     * name. Never a partial ARN ({@code fromSecretNameV2}'s ARN), which Secrets Manager cannot always resolve.
     */
    public String secretId(SecretKind kind) {
        ISecret s = secrets.get(kind);
        return s instanceof Secret ? s.getSecretArn() : s.getSecretName();
    }

    public IKey brokerKey() {
        return brokerKey;
    }

    /** The primary stack's key, whose ARN the other stacks replicate. */
    public Optional<Key> primaryBrokerKey() {
        return primaryBrokerKey;
    }
}
