package com.nija.local;

import com.nija.local.auth.LocalAuthority;
import com.nija.local.auth.LocalSigningKey;
import com.nija.local.auth.TokenCommand;
import com.nija.local.backtest.BacktestCommand;
import com.nija.local.demo.DemoReplay;
import com.nija.local.platform.InvokeCommand;
import com.nija.local.platform.Backends;
import com.nija.local.platform.LocalPlatform;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.config.ReplayClockFactory;
import com.nija.shared.marketdata.MarketDataFactory;
import com.nija.shared.strategy.ApexScanService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local/target/nija-local.jar <command>} — the local platform's command line. Scripts rely on
 * these commands and the "ready on" line staying as they are.
 */
public final class Main {
    private static final String USAGE = """
            usage: java -jar local/target/nija-local.jar <command>
              up [--port 3000] [--demo] [--data DIR]   start DynamoDB (dynalite), Redis and the gateway on one port
                 [--replay-speed 60] [--replay-data DIR]  with --demo: replay candle files (default events/market/)
                                                         this many times faster; APEX trades the demo trader
              token --user ID [--groups a,b] [--ttl 1h] [--no-mfa] [--platform http://127.0.0.1:3000]
                                                         sign ID up on the running platform (first time only: the
                                                         trial, $10,000 on paper, terms accepted), print a JWT it
                                                         accepts; --no-mfa: a sign-in without TOTP (staff routes 403)
              invoke FUNCTION EVENT_FILE                 run one function with one event file, print the response
              bench read-api [--duration 5s] [--clients 1,16,64] [--routes positions,dashboard] [--cache hit,miss]
                             [--limiter on|off]
                                                         latency/throughput of the read API
              bench cold-start [--runs 5] [--functions get-positions,get-dashboard] [--jar <function jar>]
                [--jvm "<extra JVM options>"] [--as-jar] [--cds]
                                                         JVM launch to first response of each handler, live heap
              bench signals [--runs 200] [--traders 100,1000]   signal→order latency, fan-out time, writes per trader
              bench prices [--batches 50]                 1,000-price batches with their stop/target/limit checks
              bench engine [--traders 200] [--rounds 4]   orders/s per core of the executor's engine alone, then the
                                                         same orders through the orders queue (its cost apart)
              bench pushes [--rounds 200] [--bursts 4] [--clients 1,100,1000] [--idle 10000]
                                                         fill→client push latency (one trader's fills, and every
                                                         connected trader's at once), idle connections held
              backtest [--strategy apex] [--symbols BTC-USD,ETH-USD] [--from 2026-01-01] [--to 2026-06-30]
                       [--data DIR] [--out DIR] [--settings FILE]
                                                         APEX over candle files (default: the demo's, events/market,
                                                         their whole range) under a new trader's rules; prints the
                                                         performance figures, writes CSV + HTML into --out
                                                         (default backtests/<time>)
              bench backtest [--symbols 10] [--days 365] a year of 5m candles for 10 markets through the backtest
              bench apex-scan [--markets 100] [--runs 5] APEX on the latest candles of 100 markets
              bench broker [--orders 500] [--venues coinbase,kraken,okx,binance,alpaca] [--init-runs 5]
                                                         venue adapters' place() to a loopback stub, signing, init
              capacity [--traders 10000] [--signals-per-hour 12] [--followers-per-signal 500] [--reads-per-hour 6]
                       [--connected 0.25] [--memory 1024]
                                                         AWS projection: signal→order p99, concurrency, quotas met first
              cost [--traders 1000,5000,10000,100000] [--deployment prod|prod-lean|dev] [--signals-per-hour 12] …
                                                         a month on AWS by service, per trader, beside the blueprint
              drill restore [--out FILE]                 export the trading table (DynamoDB JSON lines), wipe it,
                                                         restore it, check every trader's cash, positions and
                                                         trades reconcile to the cent (docs/DR.md); 1 on a mismatch
            environment: NIJA_DYNAMODB_ENDPOINT, NIJA_REDIS_URL use services that already run instead of starting them;
                         NIJA_LOCAL_HOME (default ~/.nija) holds the dev signing key and secrets
            """;

    private Main() {}

    public static void main(String[] args) throws Exception {
        // Human-readable logs on stderr, so stdout carries only what scripts read (the ready line, a token, a response).
        System.setProperty("log4j2.configurationFile", "log4j2-local.xml");
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            System.out.print(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        Arguments a = new Arguments(Arrays.asList(args).subList(1, args.length));
        int code = switch (args[0]) {
            case "up" -> up(a);
            case "token" -> token(a);
            case "invoke" -> invoke(a);
            case "bench" -> bench(a);
            case "backtest" -> backtest(a);
            case "capacity" -> com.nija.local.capacity.CapacityCommand.run(a, System.out);
            case "cost" -> com.nija.local.capacity.CostCommand.run(a, System.out);
            case "drill" -> com.nija.local.drill.DrillCommand.run(a.positional().isEmpty() ? "" : a.positional().get(0), a.path("--out"), home(), System.out, System.err);
            default -> {
                System.err.print("unknown command '" + args[0] + "'\n" + USAGE);
                yield 2;
            }
        };
        System.exit(code);
    }

    private static int up(Arguments a) throws Exception {
        boolean demo = a.flag("--demo");
        Map<String, Object> replay = demo ? DemoReplay.overrides(DemoReplay.candles(a.path("--replay-data")),
                a.intValue("--replay-speed", (int) DemoReplay.DEFAULT_SPEED)) : Map.of();
        LocalPlatform.Options options = new LocalPlatform.Options(
                a.intValue("--port", 3000), demo, a.path("--data"), home(), replay);
        LocalPlatform platform = LocalPlatform.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping NIJA local platform");
            platform.close();
            stopped.countDown();
        }));
        System.out.println("NIJA local platform ready on " + platform.baseUrl());
        System.out.println("mail: notification emails go to SMTP " + platform.smtpAddress()
                + (platform.mail() != null ? " (GreenMail, kept in memory)" : " (" + Backends.SMTP_ENV + ")"));
        platform.stripe().ifPresent(stripe -> System.out.println("stripe stand-in: " + stripe.baseUrl()
                + " (billing's Stripe API; sign webhooks to /webhooks/stripe with the secret in "
                + options.home().resolve("stripe-webhook-secret") + ")"));
        if (options.demo()) {
            String token = platform.tokens().issue(LocalPlatform.DEMO_TRADER, List.of(), Duration.ofHours(12));
            System.out.println("demo trader: " + LocalPlatform.DEMO_TRADER + " (token valid 12 h)");
            // The token rides in the fragment, which the browser never sends; the page removes it from the address bar.
            System.out.println("dashboard: " + platform.baseUrl() + "/#token=" + token);
            System.out.println("try: curl -s -H 'Authorization: Bearer " + token + "' " + platform.baseUrl()
                    + "/api/v1/dashboard");
            if (System.getenv(LocalPlatform.DEMO_SECRET_ENV) == null) {
                System.out.println("demo signal source 'demo' secret (set " + LocalPlatform.DEMO_SECRET_ENV
                        + " to choose it): " + platform.demoSecret());
            }
            System.out.println("market: replaying " + replay.get(MarketDataFactory.REPLAY_DIR) + " at "
                    + replay.get(ReplayClockFactory.PROPERTY) + "x; APEX (source " + ApexScanService.SOURCE
                    + ") trades the demo trader on its own");
            System.out.println("send a signal: curl -s -X POST " + platform.baseUrl() + "/api/v1/signals -d '"
                    + com.nija.local.demo.DemoSeeder.firstSignal(
                    System.getenv(LocalPlatform.DEMO_SECRET_ENV) == null ? platform.demoSecret() : "<secret>") + "'");
        } else {
            System.out.println("dashboard: " + platform.baseUrl() + "/ (sign in with a trader id)");
            System.out.println("get a token: java -jar local/target/nija-local.jar token --user <id>");
        }
        System.out.println("Ctrl-C stops every part");
        stopped.await();
        return 0;
    }

    private static int token(Arguments a) {
        String user = a.value("--user");
        if (user == null || user.isBlank()) {
            System.err.println("token needs --user ID\n" + USAGE);
            return 2;
        }
        List<String> groups = a.value("--groups") == null ? List.of()
                : Arrays.stream(a.value("--groups").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Duration ttl = Arguments.duration(a.value("--ttl") == null ? "1h" : a.value("--ttl"));
        java.net.URI platform = java.net.URI.create(a.value("--platform") == null ? TokenCommand.DEFAULT_PLATFORM
                : a.value("--platform"));
        return TokenCommand.run(new TokenCommand.Request(user, groups, ttl, !a.flag("--no-mfa"), platform), home(),
                System.out, System.err);
    }

    private static int invoke(Arguments a) throws Exception {
        List<String> rest = a.positional();
        if (rest.size() != 2) {
            System.err.println("invoke needs FUNCTION EVENT_FILE\n" + USAGE);
            return 2;
        }
        return InvokeCommand.run(rest.get(0), Path.of(rest.get(1)), home());
    }

    private static int backtest(Arguments a) {
        BacktestCommand.Request request;
        try {
            request = new BacktestCommand.Request(a.value("--strategy"), a.value("--symbols"), a.value("--from"),
                    a.value("--to"), a.value("--data"), a.value("--out"), a.value("--settings"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        return BacktestCommand.run(request, PlatformClock.system(), System.out, System.err);
    }

    /** An {@code on|off} option; on when absent. */
    private static boolean onOff(String option, String value) {
        if (value == null || value.equals("on")) return true;
        if (value.equals("off")) return false;
        throw new IllegalArgumentException(option + " takes on or off, not " + value);
    }

    private static int bench(Arguments a) throws Exception {
        List<String> rest = a.positional();
        String which = rest.isEmpty() ? "" : rest.get(0);
        return switch (which) {
            case "read-api" -> com.nija.local.bench.ReadApiBenchmark.run(home(),
                    Arguments.duration(a.value("--duration") == null ? "5s" : a.value("--duration")),
                    Arrays.stream((a.value("--clients") == null ? "1,16,64" : a.value("--clients")).split(","))
                            .mapToInt(s -> Integer.parseInt(s.trim())).toArray(),
                    list(a.value("--routes"), "positions,dashboard"), list(a.value("--cache"), "hit,miss"),
                    onOff("--limiter", a.value("--limiter")));
            case "cold-start" -> com.nija.local.bench.ColdStartBenchmark.run(home(), a.intValue("--runs", 5),
                    list(a.value("--functions"), "get-positions,get-dashboard"), a.path("--jar"),
                    com.nija.local.bench.ColdStartBenchmark.options(a.value("--jvm")), a.flag("--as-jar"),
                    a.flag("--cds"));
            case "signals" -> com.nija.local.bench.SignalBenchmark.run(home(), a.intValue("--runs", 200),
                    Arrays.stream((a.value("--traders") == null ? "100,1000" : a.value("--traders")).split(","))
                            .mapToInt(s -> Integer.parseInt(s.trim())).toArray());
            case "pushes" -> com.nija.local.bench.PushBenchmark.run(home(), a.intValue("--rounds", 200),
                    a.intValue("--bursts", 4),
                    Arrays.stream((a.value("--clients") == null ? "1,100,1000" : a.value("--clients")).split(","))
                            .mapToInt(s -> Integer.parseInt(s.trim())).toArray(), a.intValue("--idle", 10_000));
            case "prices" -> com.nija.local.bench.PriceBenchmark.run(home(), a.intValue("--batches", 50));
            case "engine" -> com.nija.local.bench.EngineBenchmark.run(home(), a.intValue("--traders", 200),
                    a.intValue("--rounds", 4));
            case "backtest" -> com.nija.local.bench.BacktestBenchmark.run(a.intValue("--symbols", 10),
                    a.intValue("--days", 365), a.intValue("--runs", 1));
            case "apex-scan" -> com.nija.local.bench.ApexScanBenchmark.run(a.intValue("--markets", 100),
                    a.intValue("--runs", 5));
            case "broker" -> com.nija.local.bench.BrokerBenchmark.run(a.intValue("--orders", 500),
                    list(a.value("--venues"), "coinbase,kraken,okx,binance,alpaca"), a.intValue("--init-runs", 5));
            default -> {
                System.err.println("bench needs read-api, cold-start, signals, pushes, prices, engine, broker, backtest or apex-scan\n"
                        + USAGE);
                yield 2;
            }
        };
    }

    private static List<String> list(String value, String defaultValue) {
        return Arrays.stream((value == null ? defaultValue : value).split(",")).map(String::trim).toList();
    }

    private static Path home() {
        String env = System.getenv(LocalAuthority.HOME_ENV);
        return env == null || env.isBlank() ? LocalSigningKey.defaultHome() : Path.of(env);
    }
}
