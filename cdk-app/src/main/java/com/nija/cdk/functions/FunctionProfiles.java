package com.nija.cdk.functions;

import static java.util.Map.entry;

import com.nija.cdk.functions.FunctionProfile.Extra;
import com.nija.cdk.functions.FunctionProfile.SecretKind;
import com.nija.cdk.functions.FunctionProfile.TableAccess;
import com.nija.functions.routes.Access;
import com.nija.shared.data.Queues;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Per-function sizes and grants. Every function gets {@link #defaults(FunctionSpec)}; {@link #OVERRIDES} holds one
 * line per function that needs more (a queue to send to, a secret, a concurrency cap). A new route with no line here
 * deploys with the defaults: table read (GET) or read-write (other methods), nothing else.
 */
public final class FunctionProfiles {
    /** Java + Micronaut restored from a SnapStart snapshot: 1 GB gives a full vCPU share for the first requests. */
    static final int DEFAULT_MEMORY_MB = 1024;
    /** p95 target is 300 ms (blueprint SLAs); 10 s is the hard stop, far below API Gateway's 30 s limit. */
    static final int HTTP_TIMEOUT_SECONDS = 10;
    /** A reserved-concurrency cap for staff routes (finance, admin): low traffic, and a bug there must not starve traders. */
    static final int STAFF_RESERVED_CONCURRENCY = 5;

    /** Dashboard sign-in: only Cognito's OAuth endpoints over HTTPS, no table, no secret (a public client). */
    private static final UnaryOperator<FunctionProfile> SIGN_IN =
            p -> p.withTable(TableAccess.NONE).withMemory(512).with(Extra.SIGNS_IN);

    /** Self-service billing: Stripe's API key (read on first use), and the dashboard URL Stripe's pages return to. */
    private static final UnaryOperator<FunctionProfile> SELF_SERVICE_BILLING =
            p -> p.reading(SecretKind.STRIPE_API).with(Extra.RETURNS_TO_DASHBOARD);

    static final Map<String, UnaryOperator<FunctionProfile>> OVERRIDES = Map.ofEntries(
            entry("health", p -> p.withMemory(512)),
            // Only the routes that sign or check pagination cursors read the cursor key.
            entry("get-positions", p -> p.reading(SecretKind.CURSOR)),
            entry("get-trades", p -> p.reading(SecretKind.CURSOR)),
            entry("billing-subscribers", p -> p.reading(SecretKind.CURSOR)),
            // Orders too: intake fans a signal with few subscribers out itself (one queue hop fewer).
            // Sources' secrets are sealed in the table: intake opens them (once per cached copy).
            entry("signal-intake", p -> p.sendingTo(Queues.SIGNALS.id(), Queues.ORDERS.id())
                    .with(Extra.OPENS_SEALED_SECRETS)),
            // One price feed: a cap keeps a runaway feeder from eating the account's concurrency.
            entry("price-ingest", p -> p.sendingTo(Queues.ORDERS.id(), Queues.NOTIFICATIONS.id()).with(Extra.OPENS_SEALED_SECRETS)
                    .withReservedConcurrency(20).with(Extra.PUSHES_LIVE_UPDATES)),
            // The APEX scan sends its signals through the intake service: the same queues and source secrets.
            entry("apex-scan", p -> p.sendingTo(Queues.SIGNALS.id(), Queues.ORDERS.id())
                    .with(Extra.OPENS_SEALED_SECRETS)),
            // The candle ingest hands prices to the stop/target/limit path in process: closes go to the orders queue.
            entry("ingest-candles", p -> p.sendingTo(Queues.ORDERS.id(), Queues.NOTIFICATIONS.id()).with(Extra.PUSHES_LIVE_UPDATES)),
            // A close of a live position sells at the trader's venue with their key.
            entry("close-position", p -> p.withBrokerKey().with(Extra.PUSHES_LIVE_UPDATES).sendingTo(Queues.NOTIFICATIONS.id())),
            entry("signal-fanout", p -> p.sendingTo(Queues.ORDERS.id())),
            // Talks to brokers: more memory for TLS + JSON, and the broker credentials key.
            entry("order-executor", p -> p.withMemory(1536).withBrokerKey().with(Extra.PUSHES_LIVE_UPDATES)
                    .sendingTo(Queues.NOTIFICATIONS.id())),
            // Broker keys: connecting seals a key (a data key, never Decrypt); the test opens it and calls the venue;
            // listing, removing and the trading mode touch no key at all.
            entry("connect-broker", p -> p.with(Extra.SEALS_SECRETS)),
            entry("test-broker", p -> p.withBrokerKey()),
            // Reads every live trader's venue account with their key and pushes drift to them.
            entry("reconcile-venues", p -> p.withBrokerKey().with(Extra.PUSHES_LIVE_UPDATES)),
            // Stops every trader's new orders and tells every connected client so (platform-wide push).
            entry("kill-switch", p -> p.with(Extra.PUSHES_LIVE_UPDATES)),
            // Source admin: creating and rotating seal a new secret; list, disable and enable never touch one.
            entry("create-source", p -> p.with(Extra.SEALS_SECRETS)),
            entry("rotate-source", p -> p.with(Extra.SEALS_SECRETS)),
            // A trader's pause or resume reaches their other devices.
            entry("pause-trading", p -> p.with(Extra.PUSHES_LIVE_UPDATES)),
            entry("resume-trading", p -> p.with(Extra.PUSHES_LIVE_UPDATES)),
            // Runs on every connect before anything else: no data access, only the user pool's public keys.
            entry("ws-authorizer", p -> p.withTable(TableAccess.NONE).withMemory(512).with(Extra.VERIFIES_TOKENS)),
            // Admin control of traders and the audit trail: listings sign cursors; pausing, resuming and flattening a
            // trader tell their devices, and flattening closes live positions at their venue with their key.
            entry("list-traders", p -> p.reading(SecretKind.CURSOR)),
            entry("get-audit", p -> p.reading(SecretKind.CURSOR)),
            entry("get-admin-audit", p -> p.reading(SecretKind.CURSOR)),
            entry("pause-trader", p -> p.with(Extra.PUSHES_LIVE_UPDATES)),
            entry("resume-trader", p -> p.with(Extra.PUSHES_LIVE_UPDATES)),
            entry("flatten-trader", p -> p.withBrokerKey().with(Extra.PUSHES_LIVE_UPDATES).sendingTo(Queues.NOTIFICATIONS.id())),
            // Exports (issue 16): up to ~30,000 fills read page by page before answering; 10 s can be too short,
            // and API Gateway's integration limit (30 s) is the ceiling.
            // Past the inline limit an export streams into the export bucket and is answered with a presigned link.
            entry("export-trades", p -> p.withTimeout(25).with(Extra.WRITES_EXPORTS)),
            entry("export-billing", p -> p.withTimeout(25).with(Extra.WRITES_EXPORTS)),
            // Leaving (issue 20): the archive reads every kind page by page and is recorded in the audit trail;
            // deletion rewrites each kept record under the pseudonym (the audit trail's only deletes).
            entry("export-account", p -> p.withTimeout(25).with(Extra.AUDITS_READS)),
            entry("delete-account", p -> p.withTimeout(25).reading(SecretKind.PSEUDONYM_PEPPER)
                    .with(Extra.PSEUDONYMISES_AUDIT)),
            entry("sign-in-token", SIGN_IN),
            entry("sign-in-refresh", SIGN_IN),
            entry("sign-out", SIGN_IN),
            entry("billing-plans", SELF_SERVICE_BILLING),
            entry("billing-checkout", SELF_SERVICE_BILLING),
            entry("billing-portal", SELF_SERVICE_BILLING),
            // Blueprint "Subscription Service: 2 instances, low traffic": a small cap.
            entry("stripe-webhook", p -> p.reading(SecretKind.STRIPE_WEBHOOK).withReservedConcurrency(10)
                    .sendingTo(Queues.NOTIFICATIONS.id())),
            // Notifications (issue 20): fills, refusals and pauses above, mode changes and Stripe's payment and trial
            // events publish to the notifications queue; channel setup seals secrets, the log signs cursors; the
            // worker opens channel secrets, reads the Telegram bot's token, emails through SES and re-publishes the
            // notice of a channel it turned off.
            entry("set-trading-mode", p -> p.sendingTo(Queues.NOTIFICATIONS.id())),
            entry("put-notification-channel", p -> p.with(Extra.SEALS_SECRETS)),
            entry("list-notification-deliveries", p -> p.reading(SecretKind.CURSOR)),
            entry("notification-worker", p -> p.sendingTo(Queues.NOTIFICATIONS.id()).reading(SecretKind.TELEGRAM_BOT)
                    .with(Extra.OPENS_SEALED_SECRETS).with(Extra.SENDS_EMAIL)));

    private FunctionProfiles() {}

    /**
     * A scheduled function stops a minute before its next run is due (at most Lambda's 15 minutes), so two runs
     * never overlap without a reservation to enforce it (dev has none); a function run every minute, 10 s before.
     */
    static int scheduledTimeoutSeconds(com.nija.functions.routes.Schedule schedule) {
        long every = schedule.every().toSeconds();
        return (int) Math.min(900, every - (every > 60 ? 60 : 10));
    }

    public static FunctionProfile forSpec(FunctionSpec spec) {
        return OVERRIDES.getOrDefault(spec.function(), UnaryOperator.identity()).apply(defaults(spec));
    }

    /**
     * HTTP: 1 GB, 10 s, table read for GET-only functions and read-write otherwise; staff routes capped. No
     * secret: the routes that page with signed cursors say so above. Queue workers: a sixth of the queue's visibility timeout (AWS's rule for SQS
     * event sources) and a reserved concurrency equal to the event source's maximum concurrency, so the bound the
     * route table sets is both guaranteed and enforced.
     */
    public static FunctionProfile defaults(FunctionSpec spec) {
        FunctionProfile p = new FunctionProfile(DEFAULT_MEMORY_MB, HTTP_TIMEOUT_SECONDS, Optional.empty(),
                spec.readOnly() ? TableAccess.READ : TableAccess.READ_WRITE, java.util.Set.of(), java.util.Set.of(),
                false, false, java.util.Set.of());
        boolean staff = spec.routes().stream().anyMatch(r -> r.access() == Access.FINANCE || r.access() == Access.ADMIN);
        if (staff) p = p.withReservedConcurrency(STAFF_RESERVED_CONCURRENCY);
        if (spec.worker().isPresent()) {
            var w = spec.worker().get();
            p = p.withTimeout(WorkerBudget.timeoutSeconds(w)).withReservedConcurrency(w.maxConcurrency());
        }
        if (spec.schedule().isPresent()) p = p.withTimeout(scheduledTimeoutSeconds(spec.schedule().get()));
        return p;
    }
}
