package com.nija.local.bench;

import com.nija.local.platform.LocalPlatform;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.engine.TradeEventBus;
import com.nija.shared.engine.TradeListener;
import com.nija.shared.market.PriceBook;
import com.nija.shared.observability.DynamoWriteCounter;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.signals.SignalAuthenticator;
import com.nija.shared.signals.SourceRateLimits;
import com.nija.shared.signals.SourceRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code bench signals}: signals sent through the local gateway exactly as a strategy sends them (HMAC-signed),
 * through intake → signals queue → fan-out → orders FIFO queue → executor → paper broker → DynamoDB.
 * Prints signal→order latency for one trader (intake accepted → order recorded as filled), the time until every
 * order is placed and every position/trade recorded for 100 and 1,000 subscribed traders, and DynamoDB item
 * writes per trader per signal (opening and closing). The per-trader throttle is off: it would refuse the load.
 */
public final class SignalBenchmark {
    private static final String SECRET = "bench-signal-secret-0123456789";

    private final LocalPlatform platform;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, ConcurrentLinkedQueue<Event>> bySignal = new ConcurrentHashMap<>();

    private record Event(OrderItem order, Instant recordedAt) {}

    private SignalBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    public static int run(Path home, int singleRuns, int[] fanouts) throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(new LocalPlatform.Options(0, false, null, home,
                Map.of("nija.throttle.enabled", false)))) {
            return new SignalBenchmark(platform).run(singleRuns, fanouts);
        }
    }

    private int run(int singleRuns, int[] fanouts) throws Exception {
        var ctx = platform.context();
        int max = 1;
        for (int n : fanouts) max = Math.max(max, n);
        SourceRegistry sources = ctx.getBean(SourceRegistry.class);
        // The benchmark measures the pipeline, not the sources' rate limits: any --runs runs through.
        int unlimited = SourceRateLimits.MAX_PER_MINUTE;
        sources.register("bench-1", "SIGNALS", SECRET, List.of("*"), unlimited, Instant.now());
        for (int n : fanouts) sources.register("bench-" + n, "SIGNALS", SECRET, List.of("*"), unlimited, Instant.now());
        PriceBook prices = ctx.getBean(PriceBook.class);
        for (String s : List.of("BTC-USD", "ETH-USD", "SOL-USD", "ADA-USD")) prices.update(s, new BigDecimal("100"), Instant.now());
        seedTraders(ctx.getBean(TradingTables.class), max, fanouts);
        ctx.getBean(TradeEventBus.class).subscribe(new TradeListener() {
            @Override
            public void filled(OrderItem order, PositionItem position, BigDecimal realized) {
                bySignal.computeIfAbsent(order.signalId(), k -> new ConcurrentLinkedQueue<>()).add(new Event(order, Instant.now()));
            }

            @Override
            public void recorded(OrderItem order) {
                bySignal.computeIfAbsent(order.signalId(), k -> new ConcurrentLinkedQueue<>()).add(new Event(order, Instant.now()));
            }
        });
        DynamoWriteCounter writes = ctx.getBean(DynamoWriteCounter.class);
        System.out.printf("signal benchmark: %d cores, JDK %s%n", Runtime.getRuntime().availableProcessors(), Runtime.version());

        // Warm-up: the first signals pay for class loading and connections, not for the design.
        for (int i = 0; i < 10; i++) send("bench-1", "warm-" + i, i % 2 == 0 ? "buy" : "exit", "ADA-USD", 1);

        Histogram latency = new Histogram(3);
        long before = writes.writes();
        long callsBefore = writes.calls();
        for (int i = 0; i < singleRuns; i++) {
            Event e = send("bench-1", "single-" + i, i % 2 == 0 ? "buy" : "exit", "BTC-USD", 1).get(0);
            latency.recordValue(Duration.between(e.order().createdAt(), e.recordedAt()).toNanos());
        }
        double writesPerSignal = (writes.writes() - before) / (double) singleRuns;
        System.out.printf("1 trader, %d signals (buy/exit alternating): accepted → order filled and recorded "
                        + "p50=%.1f ms p99=%.1f ms max=%.1f ms; DynamoDB writes per signal %.1f, calls per signal %.1f "
                        + "(incl. the signal record)%n",
                singleRuns, ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(99)),
                ms(latency.getMaxValue()), writesPerSignal, (writes.calls() - callsBefore) / (double) singleRuns);

        for (int n : fanouts) {
            for (String action : List.of("buy", "exit")) {
                long w0 = writes.writes();
                long c0 = writes.calls();
                List<Event> events = send("bench-" + n, "fan-" + n + "-" + action, action, n == fanouts[0] ? "ETH-USD" : "SOL-USD", n);
                Instant received = events.get(0).order().createdAt();
                Instant lastPlaced = events.stream().map(e -> e.order().filledAt()).filter(java.util.Objects::nonNull)
                        .max(Instant::compareTo).orElse(received);
                Instant lastRecorded = events.stream().map(Event::recordedAt).max(Instant::compareTo).orElseThrow();
                long filled = events.stream().filter(e -> e.order().status() == OrderStatus.FILLED).count();
                System.out.printf("%4d traders, one %-4s signal: every order placed %6.0f ms, every position and trade "
                                + "recorded %6.0f ms; %d filled; DynamoDB writes per trader %.2f, calls per trader %.2f%n",
                        n, action, ms(Duration.between(received, lastPlaced).toNanos()),
                        ms(Duration.between(received, lastRecorded).toNanos()), filled,
                        (writes.writes() - w0) / (double) n, (writes.calls() - c0) / (double) n);
            }
        }
        System.out.println("metrics: " + platform.metrics().snapshot());
        return 0;
    }

    /** Sends one signed signal and waits until {@code expected} traders' orders are recorded. */
    private List<Event> send(String source, String signalId, String action, String symbol, int expected) throws Exception {
        String body = "{\"signalId\":\"" + signalId + "\",\"symbol\":\"" + symbol + "\",\"action\":\"" + action
                + "\",\"strategy\":\"bench\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/v1/signals"))
                .header("Content-Type", "application/json")
                .header("X-Nija-Source", source)
                .header("X-Nija-Signature", SignalAuthenticator.sign(SECRET, body, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) throw new IllegalStateException("signal refused: " + response.body());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            ConcurrentLinkedQueue<Event> got = bySignal.get(signalId);
            if (got != null && got.size() >= expected) return new ArrayList<>(got);
            Thread.sleep(1);
        }
        throw new IllegalStateException("only " + (bySignal.containsKey(signalId) ? bySignal.get(signalId).size() : 0)
                + " of " + expected + " orders for " + signalId + " within 60 s");
    }

    private static void seedTraders(TradingTables tables, int count, int[] fanouts) throws InterruptedException {
        BenchTraders.seed(tables, count, n -> "bench-trader-" + n, n -> {
            List<String> follows = new ArrayList<>();
            if (n == 0) follows.add("bench-1");
            for (int f : fanouts) if (n < f) follows.add("bench-" + f);
            return follows;
        });
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
