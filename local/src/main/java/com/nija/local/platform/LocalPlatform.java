package com.nija.local.platform;

import com.nija.functions.routes.RouteTable;
import com.nija.local.auth.JwtVerifier;
import com.nija.local.auth.LocalAuthority;
import com.nija.local.auth.LocalSigningKey;
import com.nija.local.auth.TokenIssuer;
import com.nija.local.demo.DemoSeeder;
import com.nija.local.site.LocalSignUp;
import com.nija.shared.signup.SignUp;
import com.nija.shared.signup.TermsConfig;
import com.nija.shared.signup.TraderOnboarding;
import com.nija.local.gateway.BoundRoute;
import com.nija.local.gateway.BoundWsAuthorizer;
import com.nija.local.gateway.BoundWsRoute;
import com.nija.local.gateway.GatewayOptions;
import com.nija.local.gateway.HttpGateway;
import com.nija.local.site.DashboardSite;
import com.nija.local.services.FreePort;
import com.nija.local.services.RedisServerProcess;
import com.nija.shared.crypto.LocalDataKeys;
import com.nija.shared.data.TradingTables;
import com.nija.shared.market.PriceBook;
import com.nija.shared.marketdata.MarketDataFactory;
import com.nija.shared.observability.InMemoryMetricsSink;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.performance.RollupRepository;
import com.nija.shared.signals.SourceRegistry;
import com.nija.shared.strategy.ApexScanService;
import com.nimbusds.jose.jwk.JWKSet;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine: DynamoDB (dynalite), Redis (redis-server), every function from the route
 * table on a shared runtime, and the gateway in front of them on one port. Used by {@code up}, the integration
 * tests and the benchmarks alike.
 */
public final class LocalPlatform implements AutoCloseable {
    public static final String DEMO_TRADER = DemoSeeder.DEMO_TRADER;
    public static final String DEMO_SOURCE = DemoSeeder.DEMO_SOURCE;
    public static final String DEMO_PRICE_SOURCE = "demo-prices";
    public static final String DEMO_SECRET_ENV = "NIJA_DEMO_SIGNAL_SECRET";
    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);

    private final Backends backends;
    private final FunctionRuntime runtime;
    private final HttpGateway gateway;
    private final TokenIssuer tokens;
    private final InMemoryMetricsSink metrics;
    private final String demoSecret;
    private final StripeStandIn stripe;

    /**
     * @param port    0 picks a free port
     * @param demo    seed {@value #DEMO_TRADER} with 90 days of history
     * @param dataDir keep DynamoDB data here across restarts; null keeps it in memory
     * @param home    where the dev signing key and secrets live
     */
    public record Options(int port, boolean demo, Path dataDir, Path home, Map<String, Object> overrides) {
        public Options(int port, boolean demo, Path dataDir, Path home) {
            this(port, demo, dataDir, home, Map.of());
        }
    }

    private LocalPlatform(Backends backends, FunctionRuntime runtime, HttpGateway gateway, TokenIssuer tokens,
                          InMemoryMetricsSink metrics, String demoSecret, StripeStandIn stripe) {
        this.demoSecret = demoSecret;
        this.stripe = stripe;
        this.backends = backends;
        this.runtime = runtime;
        this.gateway = gateway;
        this.tokens = tokens;
        this.metrics = metrics;
    }

    public static LocalPlatform start(Options options) {
        // Locally, metrics are tallied in memory rather than printed as EMF JSON on every request.
        InMemoryMetricsSink metrics = new InMemoryMetricsSink();
        Telemetry.useSink(metrics);
        LocalSigningKey key = LocalSigningKey.loadOrCreate(options.home());
        // A platform told to use another's DynamoDB (nija.dynamodb-endpoint) starts no dynalite of its own.
        Object sharedTable = options.overrides().get("nija.dynamodb-endpoint");
        Backends backends = Backends.start(options.dataDir(), sharedTable == null ? null : sharedTable.toString());
        FunctionRuntime runtime = null;
        StripeStandIn stripe = null;
        try {
            // Functions push live updates through the gateway's @connections API: its port is fixed before they start.
            int port = options.port() == 0 ? FreePort.find() : options.port();
            Map<String, Object> overrides = new HashMap<>(options.overrides());
            overrides.putIfAbsent("nija.live.callback-url", "http://127.0.0.1:" + port);
            authOverrides(key).forEach(overrides::putIfAbsent);
            envelopeOverrides(options.home()).forEach(overrides::putIfAbsent);
            notificationOverrides(backends).forEach(overrides::putIfAbsent);
            // No Stripe here either: billing talks to a stand-in unless a real Stripe is configured.
            if (StripeStandIn.wanted(overrides, System.getenv())) {
                stripe = StripeStandIn.start(options.home());
                stripe.overrides("http://127.0.0.1:" + port + "/").forEach(overrides::putIfAbsent);
            }
            // No internet here: the candle ingest runs only on a replay of candle files (up --demo).
            if (!overrides.containsKey(MarketDataFactory.REPLAY_DIR)) {
                overrides.putIfAbsent(FunctionRuntime.SCHEDULES_OFF, "ingest-candles");
            }
            runtime = new FunctionRuntime(backends.dynamodbEndpoint(), backends.redisUrl(), backends.sqsEndpoint(),
                    LocalSecrets.cursorSecret(options.home()), overrides);
            runtime.provisionTables();
            FunctionRuntime rt = runtime;
            List<BoundRoute> routes = RouteTable.ROUTES.stream().map(r -> new BoundRoute(r, rt.handler(r.handler()))).toList();
            List<BoundWsRoute> wsRoutes = RouteTable.WS_ROUTES.stream().map(r -> new BoundWsRoute(r, rt.handler(r.handler()))).toList();
            runtime.startWorkers();
            runtime.startSchedules();
            String demoSecret = null;
            if (options.demo()) demoSecret = seedDemo(runtime.context());
            BoundWsAuthorizer wsAuthorizer = new BoundWsAuthorizer(RouteTable.WS_AUTHORIZER,
                    rt.handler(RouteTable.WS_AUTHORIZER.handler()));
            TokenIssuer tokens = new TokenIssuer(key);
            // Sign-up first (the local stand-in for Cognito's confirmed sign-up), then the dashboard's pages.
            LocalSignUp site = new LocalSignUp(runtime.context().getBean(TraderOnboarding.class),
                    runtime.context().getBean(TermsConfig.class), DashboardSite.fromClasspath(tokens).orElse(null));
            HttpGateway gateway = new HttpGateway(routes, wsRoutes, wsAuthorizer, new JwtVerifier(key),
                    GatewayOptions.defaults().withPort(port), site).start();
            return new LocalPlatform(backends, runtime, gateway, tokens, metrics, demoSecret, stripe);
        } catch (RuntimeException e) {
            if (runtime != null) runtime.close();
            if (stripe != null) stripe.close();
            backends.close();
            throw e;
        }
    }

    /** The WebSocket authorizer function trusts the local issuer and its public key, as it trusts Cognito in AWS. */
    static Map<String, Object> authOverrides(LocalSigningKey key) {
        return Map.of("nija.auth.issuer", LocalAuthority.ISSUER, "nija.auth.audience", LocalAuthority.AUDIENCE,
                "nija.auth.jwks", new JWKSet(key.publicJwk()).toString());
    }

    /**
     * Notification emails go to the platform's SMTP server (GreenMail) instead of SES; webhooks may go to plain-http
     * stubs on this machine (a deployed stack sends to public HTTPS addresses only).
     */
    static Map<String, Object> notificationOverrides(Backends backends) {
        return Map.of("nija.notifications.email-transport", "smtp",
                "nija.notifications.smtp-host", backends.smtpHost(),
                "nija.notifications.smtp-port", backends.smtpPort(),
                "nija.notifications.allow-local-webhooks", true);
    }

    /** Secrets sealed in the table are wrapped with a key kept in the platform's home, as KMS would in AWS. */
    static Map<String, Object> envelopeOverrides(Path home) {
        return Map.of("nija.envelope.local-key-file", home.resolve(LocalDataKeys.FILE).toString());
    }

    /** Seeds the demo trader and registers the demo signal and price sources and APEX's; returns their secret. */
    private static String seedDemo(ApplicationContext context) {
        long started = System.nanoTime();
        String secret = System.getenv(DEMO_SECRET_ENV);
        if (secret == null || secret.isBlank()) secret = LocalSecrets.random();
        SourceRegistry sources = context.getBean(SourceRegistry.class);
        sources.register(DemoSeeder.DEMO_SOURCE, "SIGNALS", secret, List.of("*"), context.getBean(java.time.Clock.class).instant());
        sources.register(DEMO_PRICE_SOURCE, "PRICES", secret, List.of("*"), context.getBean(java.time.Clock.class).instant());
        // NIJA's own strategy, which the demo trader follows: it trades when the platform replays candles.
        sources.register(ApexScanService.SOURCE, "SIGNALS", secret, List.of("apex"),
                context.getBean(java.time.Clock.class).instant());
        int fills = new DemoSeeder(context.getBean(TradingTables.class), context.getBean(RollupRepository.class),
                context.getBean(PriceBook.class)).seed(DEMO_TRADER, context.getBean(java.time.Clock.class).instant());
        LOG.info(fills == 0 ? "demo trader already present" : "seeded demo trader with {} fills in {} ms",
                fills, (System.nanoTime() - started) / 1_000_000);
        // The demo trader signed up like anyone else (their seeded history already made them a customer): the terms
        // in force are accepted, so live mode asks only for a broker.
        TermsConfig terms = context.getBean(TermsConfig.class);
        context.getBean(TraderOnboarding.class).signUp(new SignUp(DEMO_TRADER, null,
                new SignUp.Acceptance(terms.getVersion(), terms.getRiskDisclosureVersion(), null), "local"));
        return secret;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    public int port() {
        return gateway.port();
    }

    /** {@code ws://127.0.0.1:<port>/ws}: the WebSocket API (live updates). */
    public String webSocketUrl() {
        return gateway.webSocketUri().toString();
    }

    /** WebSocket connections the gateway holds right now. */
    public int openWebSockets() {
        return gateway.openWebSockets();
    }

    public TokenIssuer tokens() {
        return tokens;
    }

    public ApplicationContext context() {
        return runtime.context();
    }

    /** The redis-server this platform started (tests stop it to check reads survive), or null if external. */
    public RedisServerProcess redis() {
        return backends.redis();
    }

    /** Where notification emails go: {@code host:port} of the SMTP server (GreenMail unless relayed elsewhere). */
    public String smtpAddress() {
        return backends.smtpHost() + ":" + backends.smtpPort();
    }

    /** The GreenMail this platform started (the emails it received), or null when mail is relayed elsewhere. */
    public com.nija.local.services.mail.GreenMailServer mail() {
        return backends.mail();
    }

    /** The demo sources' shared secret (from NIJA_DEMO_SIGNAL_SECRET or generated), null without --demo. */
    public String demoSecret() {
        return demoSecret;
    }

    /** The Stripe stand-in billing talks to, or empty when a real Stripe is configured. */
    public java.util.Optional<StripeStandIn> stripe() {
        return java.util.Optional.ofNullable(stripe);
    }

    public InMemoryMetricsSink metrics() {
        return metrics;
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            try {
                runtime.close();
            } finally {
                if (stripe != null) stripe.close();
                backends.close();
            }
        }
    }
}
