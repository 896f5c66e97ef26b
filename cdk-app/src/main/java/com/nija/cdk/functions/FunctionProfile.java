package com.nija.cdk.functions;

import java.util.Optional;
import java.util.Set;

/**
 * Size and grants of one function. Start from {@link FunctionProfiles#defaults(FunctionSpec)} and change what
 * differs with the {@code with…} methods.
 *
 * @param memoryMb            memory (and so CPU share)
 * @param timeoutSeconds      hard stop; HTTP functions stay well under API Gateway's 30 s integration limit
 * @param reservedConcurrency a cap where the blueprint caps a service (empty: shares the account pool); context
 *                            {@code reservedConcurrency} decides whether and how it is applied ({@code Reservations})
 * @param table               access to the trading table
 * @param sendsTo             ids of the queues it sends to ({@code QueueDefinition.id()})
 * @param secrets             Secrets Manager secrets it reads
 * @param brokerKey           calls live venues with traders' keys: opens their sealed credentials ({@code kms:Decrypt}
 *                            on the envelope key, and its ARN) and reaches the venues over the internet (in an engine
 *                            region, through the VPC's egress subnets and NAT gateways — the addresses traders may
 *                            allow-list on their keys)
 * @param async               invoked asynchronously: failed events go to a dead-letter queue
 * @param extras              what else it does that needs wiring ({@link Extra})
 */
public record FunctionProfile(int memoryMb, int timeoutSeconds, Optional<Integer> reservedConcurrency,
                              TableAccess table, Set<String> sendsTo, Set<SecretKind> secrets,
                              boolean brokerKey, boolean async, Set<Extra> extras) {

    public enum TableAccess { NONE, READ, READ_WRITE }

    /** Capabilities beyond data access. */
    public enum Extra {
        /** Posts live updates to WebSocket connections: the callback URL and {@code @connections} access. */
        PUSHES_LIVE_UPDATES,
        /** Verifies traders' JWTs itself (the WebSocket authorizer): the user pool's issuer and client id. */
        VERIFIES_TOKENS,
        /** Redeems and refreshes the dashboard's sign-ins: the hosted sign-in domain and the dashboard's client id. */
        SIGNS_IN,
        /** Seals new secrets (source admin): {@code kms:GenerateDataKey} on the envelope key, and its ARN. */
        SEALS_SECRETS,
        /** Opens sealed secrets (sources' HMAC keys at intake): {@code kms:Decrypt} on the envelope key, and its ARN. */
        OPENS_SEALED_SECRETS,
        /** Sends traders to Stripe's Checkout and Customer Portal: the dashboard URL they come back to. */
        RETURNS_TO_DASHBOARD,
        /** Writes large exports to the export bucket and presigns their links: its name, put and get there. */
        WRITES_EXPORTS,
        /**
         * Emails traders (the notification worker): {@code ses:SendEmail} from the platform's sender identity only,
         * and that address in {@code NIJA_NOTIFICATIONS_EMAIL_FROM}.
         */
        SENDS_EMAIL,
        /** Records reads in the audit trail (the account archive): {@code dynamodb:PutItem} on the audit table. */
        AUDITS_READS,
        /**
         * Moves a deleted trader's audit records under their pseudonym: {@code dynamodb:DeleteItem} on the audit table
         * besides PutItem (account deletion only; docs/AUDIT.md).
         */
        PSEUDONYMISES_AUDIT
    }

    /** The secrets the stacks create (values are set by ops after the first deploy). */
    public enum SecretKind {
        /** HMAC secret of the cursors the read API hands out. */
        CURSOR("cursor", "NIJA_CURSOR_SECRET_ARN"),
        /** Stripe's webhook signing secret. */
        STRIPE_WEBHOOK("stripe-webhook", "NIJA_STRIPE_WEBHOOK_SECRET_ARN"),
        /** Stripe's secret API key (self-service billing: prices, Checkout, the Customer Portal). */
        STRIPE_API("stripe-api-key", "NIJA_STRIPE_API_KEY_ARN"),
        /** The token of the platform's Telegram bot, which posts traders' notifications to their chats. */
        TELEGRAM_BOT("telegram-bot", "NIJA_TELEGRAM_BOT_TOKEN_SECRET_ARN"),
        /** Pepper of the one-way pseudonyms a deleted trader's kept records carry. */
        PSEUDONYM_PEPPER("pseudonyms", "NIJA_PSEUDONYM_PEPPER_SECRET_ARN");

        private final String id;
        private final String envVar;

        SecretKind(String id, String envVar) {
            this.id = id;
            this.envVar = envVar;
        }

        public String id() { return id; }
        public String envVar() { return envVar; }
    }

    public FunctionProfile {
        sendsTo = Set.copyOf(sendsTo);
        secrets = Set.copyOf(secrets);
        extras = Set.copyOf(extras);
        if (memoryMb < 128 || memoryMb > 10240) throw new IllegalArgumentException("memory " + memoryMb);
        if (timeoutSeconds < 1 || timeoutSeconds > 900) throw new IllegalArgumentException("timeout " + timeoutSeconds);
    }

    public FunctionProfile withMemory(int mb) {
        return new FunctionProfile(mb, timeoutSeconds, reservedConcurrency, table, sendsTo, secrets, brokerKey,
                async, extras);
    }

    public FunctionProfile withTimeout(int seconds) {
        return new FunctionProfile(memoryMb, seconds, reservedConcurrency, table, sendsTo, secrets, brokerKey, async,
                extras);
    }

    public FunctionProfile withReservedConcurrency(int n) {
        return new FunctionProfile(memoryMb, timeoutSeconds, Optional.of(n), table, sendsTo, secrets, brokerKey,
                async, extras);
    }

    /** The same profile with {@code reservation} (empty: shares the account's pool). */
    public FunctionProfile withReservedConcurrency(Optional<Integer> reservation) {
        return new FunctionProfile(memoryMb, timeoutSeconds, reservation, table, sendsTo, secrets, brokerKey,
                async, extras);
    }

    public FunctionProfile withTable(TableAccess access) {
        return new FunctionProfile(memoryMb, timeoutSeconds, reservedConcurrency, access, sendsTo, secrets,
                brokerKey, async, extras);
    }

    public FunctionProfile sendingTo(String... queueIds) {
        return new FunctionProfile(memoryMb, timeoutSeconds, reservedConcurrency, table, Set.of(queueIds), secrets,
                brokerKey, async, extras);
    }

    public FunctionProfile reading(SecretKind... kinds) {
        java.util.Set<SecretKind> all = new java.util.HashSet<>(secrets);
        all.addAll(Set.of(kinds));
        return new FunctionProfile(memoryMb, timeoutSeconds, reservedConcurrency, table, sendsTo, all, brokerKey,
                async, extras);
    }

    public FunctionProfile withBrokerKey() {
        return new FunctionProfile(memoryMb, timeoutSeconds, reservedConcurrency, table, sendsTo, secrets, true,
                async, extras);
    }

    public FunctionProfile with(Extra extra) {
        java.util.Set<Extra> all = new java.util.HashSet<>(extras);
        all.add(extra);
        return new FunctionProfile(memoryMb, timeoutSeconds, reservedConcurrency, table, sendsTo, secrets, brokerKey,
                async, all);
    }

    public boolean has(Extra extra) {
        return extras.contains(extra);
    }

    public FunctionProfile asAsync() {
        return new FunctionProfile(memoryMb, timeoutSeconds, reservedConcurrency, table, sendsTo, secrets, brokerKey,
                true, extras);
    }
}
