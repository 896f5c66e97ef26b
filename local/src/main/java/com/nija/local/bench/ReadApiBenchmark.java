package com.nija.local.bench;

import com.nija.local.platform.LocalPlatform;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.market.PriceBook;
import com.nija.shared.trading.PositionStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench read-api}: p50/p95/p99 and throughput of {@code GET /api/v1/positions} and
 * {@code GET /api/v1/dashboard} through the local gateway, cache hit and cache miss, at 1, 16 and 64 clients.
 * Each client reads its own trader (5 open positions, a profile, settings). A miss is forced by bumping the
 * trader's cache generation before the request, outside the timed span: the cost of the first read after a change.
 */
public final class ReadApiBenchmark {
    private static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("positions", "/api/v1/positions?status=open");
        ROUTES.put("dashboard", "/api/v1/dashboard");
    }
    private static final Duration JIT_WARMUP = Duration.ofSeconds(3);
    /** How long the platform is left alone to measure what it burns with no request. */
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(3);
    private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD", "ADA-USD", "DOGE-USD");

    private ReadApiBenchmark() {}

    /**
     * @param routes which routes to measure ({@code positions}, {@code dashboard})
     * @param caches which cache modes ({@code hit}, {@code miss})
     */
    public static int run(Path home, Duration duration, int[] clientCounts, List<String> routes, List<String> caches)
            throws Exception {
        return run(home, duration, clientCounts, routes, caches, true);
    }

    /** @param limiter false: the per-trader API limiter switched off, to measure what it costs a read */
    public static int run(Path home, Duration duration, int[] clientCounts, List<String> routes, List<String> caches,
                          boolean limiter) throws Exception {
        for (String r : routes) {
            if (!ROUTES.containsKey(r)) throw new IllegalArgumentException("--routes takes " + ROUTES.keySet() + ", not " + r);
        }
        for (String c : caches) {
            if (!c.equals("hit") && !c.equals("miss")) throw new IllegalArgumentException("--cache takes hit, miss, not " + c);
        }
        int maxClients = 0;
        for (int c : clientCounts) maxClients = Math.max(maxClients, c);
        try (LocalPlatform platform = LocalPlatform.start(new LocalPlatform.Options(0, false, null, home,
                // One trader reads thousands of times a second here: lift the per-tier API limit so no read is refused,
                // while every read still pays the limiter's Redis round trip the benchmark measures.
                Map.of("nija.api.rate-limit-per-minute-override", 1_000_000, "nija.api.rate-limits-enabled", limiter)))) {
            List<String> traders = seed(platform, maxClients);
            List<String> tokens = new ArrayList<>();
            for (String t : traders) tokens.add(platform.tokens().issue(t, List.of(), Duration.ofHours(2)));
            UserCache cache = platform.context().getBean(UserCache.class);
            System.out.printf("read API benchmark: %d cores, %s per run, JDK %s, limiter %s%n",
                    Runtime.getRuntime().availableProcessors(), duration, Runtime.version(), limiter ? "on" : "off");
            // JIT warm-up of every path first, so the first measured row is not the one that pays for compilation
            for (String route : ROUTES.values()) {
                for (boolean hit : new boolean[] {true, false}) {
                    measure(platform, cache, traders, tokens, route, hit, Math.min(8, maxClients), JIT_WARMUP,
                            Duration.ofMillis(1), 0);
                }
            }
            long idle = LoadRun.idleCpuPerSecond(IDLE_WINDOW);
            System.out.printf("idle: %.1f ms of CPU a second (pollers, timers), subtracted for net/req%n", idle / 1e6);
            for (String route : ROUTES.entrySet().stream().filter(e -> routes.contains(e.getKey()))
                    .map(Map.Entry::getValue).toList()) {
                for (boolean hit : new boolean[] {true, false}) {
                    if (!caches.contains(hit ? "hit" : "miss")) continue;
                    for (int clients : clientCounts) {
                        System.out.println(measure(platform, cache, traders, tokens, route, hit, clients,
                                Duration.ofSeconds(2), duration, idle).line());
                    }
                }
            }
            System.out.println("metrics: " + platform.metrics().snapshot());
        }
        return 0;
    }

    private static LoadRun.Result measure(LocalPlatform platform, UserCache cache, List<String> traders,
                                          List<String> tokens, String route, boolean hit, int clients,
                                          Duration warmup, Duration duration, long idleCpuPerSecond)
            throws InterruptedException {
        URI base = URI.create(platform.baseUrl());
        String name = "GET " + route.replaceAll("\\?.*", "") + (hit ? " (cache hit)" : " (cache miss)");
        return LoadRun.run(name, base, clients, warmup, duration, idleCpuPerSecond, c -> {
            String trader = traders.get(c);
            String token = tokens.get(c);
            return new LoadRun.Client() {
                @Override
                public LoadRun.Get request(int i) {
                    return new LoadRun.Get(route, token);
                }

                @Override
                public void beforeEach(int i) {
                    if (!hit) cache.invalidate(trader);
                }
            };
        });
    }

    private static List<String> seed(LocalPlatform platform, int traders) {
        TradingTables tables = platform.context().getBean(TradingTables.class);
        PriceBook prices = platform.context().getBean(PriceBook.class);
        Instant now = Instant.now();
        for (String s : SYMBOLS) prices.update(s, new BigDecimal("100.00"), now);
        List<String> ids = new ArrayList<>();
        for (int t = 0; t < traders; t++) {
            String user = "bench-" + t;
            ids.add(user);
            tables.profiles().putItem(new ProfileItem(Keys.user(user), Keys.PROFILE, user, null, "pro", "active",
                    "RUNNING", new BigDecimal("10000.00"), 0L, now, now, null));
            for (int p = 0; p < SYMBOLS.size(); p++) {
                String id = "bench-p-" + p;
                String symbol = SYMBOLS.get(p);
                tables.positions().putItem(new PositionItem(Keys.user(user), Keys.position(id), id, user, symbol,
                        "LONG", new BigDecimal("2"), new BigDecimal("95.5"), PositionStatus.OPEN.name(), now, null,
                        null, null, new BigDecimal("0.19"), null, null, Keys.openBySymbol(symbol), user + "#" + id,
                        null, null, null, null));
            }
        }
        return ids;
    }
}
