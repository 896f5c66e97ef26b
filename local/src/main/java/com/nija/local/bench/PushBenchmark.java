package com.nija.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nija.local.platform.LocalPlatform;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.engine.TradeEventBus;
import com.nija.shared.engine.TradeListener;
import com.nija.shared.market.PriceBook;
import com.nija.shared.signals.SignalAuthenticator;
import com.nija.shared.signals.SourceRateLimits;
import com.nija.shared.signals.SourceRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * {@code bench pushes}: live-update latency from the moment the engine has recorded a fill (the trade listeners'
 * callback in the executor) to the moment a WebSocket client has the message, with 1, 100 and 1,000 connected
 * clients (each its own trader, subscribed to orders, trades and positions), in two cases: one trader's fills while
 * the others stay connected ({@code rounds} fills: what the number of connections costs a push), and every connected
 * trader filling from one signal ({@code bursts} rounds: n pushes at once, beside the n order executions on the same
 * cores); then how many idle connections the gateway holds, opened from a second JVM (one
 * process cannot hold both ends of 10,000 sockets under a 20,000 file limit), and the latency for one client while
 * they are held. Signals go through the gateway exactly as a strategy sends them. The order throttle is off: it
 * would refuse the load. Prints numbers; asserts nothing.
 */
public final class PushBenchmark {
    private static final String SECRET = "bench-push-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_ENV = "NIJA_BENCH_TOKEN";

    private final LocalPlatform platform;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Fill recorded (nanoTime) and message received (nanoTime), by order id. */
    private final Map<String, Long> filledAt = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    private final AtomicInteger negative = new AtomicInteger();

    private PushBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    public static int run(Path home, int rounds, int bursts, int[] clientCounts, int idle) throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(new LocalPlatform.Options(0, false, null, home,
                Map.of("nija.throttle.enabled", false)))) {
            return new PushBenchmark(platform).run(rounds, bursts, clientCounts, idle);
        }
    }

    private int run(int rounds, int bursts, int[] clientCounts, int idle) throws Exception {
        var ctx = platform.context();
        int max = 1;
        for (int n : clientCounts) max = Math.max(max, n);
        SourceRegistry sources = ctx.getBean(SourceRegistry.class);
        // The benchmark measures pushes, not the sources' rate limits: any --rounds runs through.
        int unlimited = SourceRateLimits.MAX_PER_MINUTE;
        for (int n : clientCounts) sources.register(source(n), "SIGNALS", SECRET, List.of("*"), unlimited, Instant.now());
        sources.register(source(0), "SIGNALS", SECRET, List.of("*"), unlimited, Instant.now());
        seedTraders(ctx.getBean(TradingTables.class), max, clientCounts);
        ctx.getBean(TradeEventBus.class).subscribe(new TradeListener() {
            @Override
            public void filled(OrderItem order, PositionItem position, BigDecimal realized) {
                filledAt.put(order.orderId(), System.nanoTime());
            }
        });
        System.out.printf("push benchmark: %d cores, JDK %s; fill recorded (engine's trade listeners) → message "
                + "received by the client%n", Runtime.getRuntime().availableProcessors(), Runtime.version());

        List<Client> clients = new ArrayList<>();
        try {
            clients.addAll(connect(0, 1));
            for (int i = 0; i < 20; i++) round(clients, source(0), "BENCH-USD", i, null);   // warm-up
            for (int n : clientCounts) {
                if (clients.size() < n) clients.addAll(connect(clients.size(), n));
                // One trader's fills while n are connected: what the number of connections costs a push.
                Histogram one = new Histogram(3);
                for (int i = 0; i < rounds; i++) round(clients.subList(0, 1), source(0), "SOLO" + n + "-USD", i, one);
                System.out.printf("%5d connected clients, one trader's fill at a time: %6d fills: %s%n", n,
                        one.getTotalCount(), summary(one));
                if (n == 1) continue;
                // Every one of the n traders fills from one signal: n pushes at once, beside n order executions.
                // Even rounds buy (opening fills), odd rounds exit (closing fills, which also realize P&L).
                int r = Math.max(2, bursts);
                Histogram[] byIntent = {new Histogram(3), new Histogram(3)};
                long started = System.nanoTime();
                for (int i = 0; i < r; i++) {
                    round(clients.subList(0, n), source(n), "PUSH" + n + "-USD", i, byIntent[i % 2]);
                }
                Histogram all = byIntent[0].copy();
                all.add(byIntent[1]);
                System.out.printf("%5d connected clients, all %d fill at once: %6d fills in %3d rounds (%5.1f s): %s%n", n,
                        n, all.getTotalCount(), r, (System.nanoTime() - started) / 1e9, summary(all));
                System.out.printf("      opening fills %s%n      closing fills %s%n", summary(byIntent[0]),
                        summary(byIntent[1]));
            }
            if (negative.get() > 0) {
                System.out.println("warning: " + negative.get() + " messages arrived before the fill was recorded");
            }
        } finally {
            for (Client c : clients) c.socket.abort();
        }
        awaitOpen(open -> open == 0, Duration.ofSeconds(60));
        if (idle > 0) idleConnections(idle, rounds);
        System.out.println("metrics: " + platform.metrics().snapshot());
        return 0;
    }

    /**
     * One signal from {@code source}, which exactly the traders of {@code clients} follow (buy on even rounds, exit on
     * odd ones); waits for all their fills and messages.
     */
    private void round(List<Client> clients, String source, String symbol, int i, Histogram h) throws Exception {
        String signalId = "push-" + source + "-" + i + "-" + System.nanoTime();
        send(source, signalId, i % 2 == 0 ? "buy" : "exit", symbol);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<String> orderIds = new ArrayList<>(clients.size());
        for (Client c : clients) orderIds.add(c.lastOrder(signalId, deadline));
        if (h == null) return;
        for (String orderId : orderIds) {
            long latency = receivedAt.get(orderId) - filledAt.get(orderId);
            if (latency < 0) negative.incrementAndGet();
            h.recordValue(Math.max(0, latency));
        }
    }

    /** Connects clients for traders {@code from..to-1} and subscribes each; returns when all are subscribed. */
    private List<Client> connect(int from, int to) throws Exception {
        List<Client> out = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Client>> pending = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int n = i;
            pending.add(pool.submit(() -> Client.open(platform.webSocketUrl(), platform.tokens().issue(trader(n),
                    List.of(), Duration.ofHours(1)), receivedAt)));
        }
        for (var f : pending) out.add(f.get(60, TimeUnit.SECONDS));
        pool.shutdown();
        return out;
    }

    /** Opens {@code count} idle connections from a second JVM and reports how many the gateway holds. */
    private void idleConnections(int count, int rounds) throws Exception {
        String token = platform.tokens().issue("bench-idle", List.of(), Duration.ofHours(1));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss256k", "-cp", System.getProperty("java.class.path"), IdleClients.class.getName(),
                platform.webSocketUrl(), Integer.toString(count)).redirectErrorStream(true);
        builder.environment().put(TOKEN_ENV, token);
        Process child = builder.start();
        long started = System.nanoTime();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String done = null;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("connected ")) {
                    done = line;
                    break;
                }
                if (line.startsWith("failed")) System.out.println("idle clients: " + line);
            }
            awaitOpen(open -> open >= count, Duration.ofSeconds(30));
            double seconds = (System.nanoTime() - started) / 1e9;
            int held = platform.openWebSockets();
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf("idle connections: the gateway holds %d of %d (%s) opened in %.1f s (%.0f/s); "
                            + "platform JVM heap in use %d MB%n", held, count, done, seconds, held / seconds,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
            List<Client> one = connect(0, 1);
            Histogram h = new Histogram(3);
            int r = Math.max(20, rounds / 2);
            for (int i = 0; i < r; i++) round(one, source(0), "IDLE-USD", i, h);
            one.get(0).socket.abort();
            System.out.printf("    1 connected client with %d idle connections held: %d fills: p50=%6.1f ms p99=%6.1f ms "
                            + "max=%6.1f ms%n", held, h.getTotalCount(), ms(h.getValueAtPercentile(50)),
                    ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
        } finally {
            child.destroy();
            if (!child.waitFor(20, TimeUnit.SECONDS)) child.destroyForcibly();
            awaitDisconnects("bench-idle", Duration.ofMinutes(3));
        }
    }

    /** Waits until the gateway's $disconnect calls have removed every connection of {@code user}. */
    private void awaitDisconnects(String user, Duration timeout) throws InterruptedException {
        TradingTables tables = platform.context().getBean(TradingTables.class);
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        int left;
        do {
            Thread.sleep(2_000);
            left = tables.client().query(q -> q.tableName(tables.name()).select("COUNT")
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :c)")
                    .expressionAttributeValues(Map.of(
                            ":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.user(user)),
                            ":c", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.CONNECTION_PREFIX))))
                    .count();
        } while (left > 0 && System.nanoTime() < deadline);
        System.out.printf("idle connections closed: their $disconnect calls removed them in %.1f s (%d left)%n",
                (System.nanoTime() - started) / 1e9, left);
    }

    private void awaitOpen(java.util.function.IntPredicate done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(platform.openWebSockets()) && System.nanoTime() < deadline) Thread.sleep(50);
    }

    private void send(String source, String signalId, String action, String symbol) throws Exception {
        String body = "{\"signalId\":\"" + signalId + "\",\"symbol\":\"" + symbol + "\",\"action\":\"" + action
                + "\",\"strategy\":\"bench\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/v1/signals"))
                .header("Content-Type", "application/json")
                .header("X-Nija-Source", source)
                .header("X-Nija-Signature", SignalAuthenticator.sign(SECRET, body, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) throw new IllegalStateException("signal refused: " + response.body());
    }

    private void seedTraders(TradingTables tables, int count, int[] clientCounts) throws InterruptedException {
        PriceBook prices = platform.context().getBean(PriceBook.class);
        // The benchmark's own markets are paper-only instruments, so intake accepts their signals.
        com.nija.shared.instruments.Instruments instruments = platform.context()
                .getBean(com.nija.shared.instruments.Instruments.class);
        List<String> markets = new ArrayList<>(List.of("BENCH-USD", "IDLE-USD"));
        for (int n : clientCounts) for (String market : List.of("PUSH", "SOLO")) markets.add(market + n + "-USD");
        for (String s : markets) {
            instruments.register(s);
            prices.update(s, new BigDecimal("100"), Instant.now());
        }
        BenchTraders.seed(tables, count, PushBenchmark::trader, n -> {
            List<String> follows = new ArrayList<>();
            if (n == 0) follows.add(source(0));
            for (int f : clientCounts) if (n < f) follows.add(source(f));
            return follows;
        });
    }

    private static String trader(int n) {
        return "push-trader-" + n;
    }

    private static String source(int n) {
        return "bench-push-" + n;
    }

    private static String summary(Histogram h) {
        return String.format("p50=%6.1f ms p90=%6.1f ms p99=%6.1f ms max=%6.1f ms", ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** One trader's connection: notes when each order's first update arrives. */
    private static final class Client implements WebSocket.Listener {
        private final Map<String, Long> receivedAt;
        /** Order id by signal id, for the updates this client received. */
        private final Map<String, String> orders = new ConcurrentHashMap<>();
        private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private WebSocket socket;

        private Client(Map<String, Long> receivedAt) {
            this.receivedAt = receivedAt;
        }

        static Client open(String url, String token, Map<String, Long> receivedAt) throws Exception {
            Client c = new Client(receivedAt);
            c.socket = LiveHttp.CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(url + "?token=" + token), c).get(60, TimeUnit.SECONDS);
            c.socket.sendText("{\"action\":\"subscribe\",\"channels\":[\"orders\",\"trades\",\"positions\"],\"id\":\"s\"}",
                    true).get(10, TimeUnit.SECONDS);
            c.subscribed.get(60, TimeUnit.SECONDS);
            return c;
        }

        String lastOrder(String signalId, long deadlineNanos) throws InterruptedException {
            while (System.nanoTime() < deadlineNanos) {
                String orderId = orders.get(signalId);
                if (orderId != null) return orderId;
                Thread.sleep(1);
            }
            throw new IllegalStateException("no update for signal " + signalId + " within 120 s");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    if ("subscribed".equals(message.path("type").asText())) subscribed.complete(null);
                    for (JsonNode u : message.path("updates")) {
                        if (u.path("event").asText().equals("order.filled")) {
                            String orderId = u.path("data").path("orderId").asText();
                            receivedAt.putIfAbsent(orderId, now);
                            orders.put(u.path("data").path("signalId").asText(), orderId);
                        }
                    }
                } catch (java.io.IOException e) {
                    subscribed.completeExceptionally(e);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    /** One HTTP client (one selector thread) for every benchmark connection. */
    private static final class LiveHttp {
        static final HttpClient CLIENT = HttpClient.newHttpClient();
    }

    /**
     * The second JVM: opens {@code count} connections as one trader (token in {@value #TOKEN_ENV}), prints
     * {@code connected <n>}, and holds them until it is stopped.
     */
    public static final class IdleClients {
        public static void main(String[] args) throws Exception {
            String url = args[0];
            int count = Integer.parseInt(args[1]);
            String token = System.getenv(TOKEN_ENV);
            HttpClient client = HttpClient.newHttpClient();
            List<WebSocket> sockets = new ArrayList<>(count);
            AtomicInteger failed = new AtomicInteger();
            int batch = 100;
            for (int start = 0; start < count; start += batch) {
                List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
                for (int i = start; i < Math.min(count, start + batch); i++) {
                    pending.add(client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                            .buildAsync(URI.create(url + "?token=" + token), new WebSocket.Listener() { }));
                }
                for (CompletableFuture<WebSocket> f : pending) {
                    try {
                        sockets.add(f.get(60, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 3) System.out.println("failed: " + e);
                    }
                }
            }
            System.out.println("connected " + sockets.size() + " failed " + failed.get());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
