package com.nija.local.bench;

import com.nija.local.platform.LocalPlatform;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.instruments.Instrument;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.prices.PriceBatchParser;
import com.nija.shared.signals.SignalAuthenticator;
import com.nija.shared.signals.SourceRateLimits;
import com.nija.shared.signals.SourceRegistry;
import com.nija.shared.trading.PositionStatus;
import com.nija.shared.trading.Side;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * {@code bench prices}: full batches of 1,000 prices posted to {@code /internal/prices} through the local gateway,
 * signed like a feed, each checked against the open positions' stops and targets and the resting limit orders of its
 * market. Two shapes: the listed markets (a real feed: many prices per market) and 1,000 distinct traded markets
 * (registered as paper instruments, so each costs its look-ups: the worst case). Prints p50/p99/max per batch; no stop or target is crossed, so every batch does the same work.
 */
public final class PriceBenchmark {
    private static final String FEED = "bench-prices";
    private static final String SECRET = "bench-price-secret-0123456789";
    private static final int POSITIONS_PER_MARKET = 20;

    private final LocalPlatform platform;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Random random = new Random(7);

    private PriceBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    public static int run(Path home, int batches) throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(new LocalPlatform.Options(0, false, null, home, Map.of()))) {
            return new PriceBenchmark(platform).run(batches);
        }
    }

    private int run(int batches) throws Exception {
        var ctx = platform.context();
        // The benchmark measures ingest, not the feed's rate limit: any --batches runs through.
        ctx.getBean(SourceRegistry.class).register(FEED, "PRICES", SECRET, List.of(), SourceRateLimits.MAX_PER_MINUTE,
                Instant.now());
        List<String> listed = ctx.getBean(Instruments.class).all().stream().map(Instrument::symbol).sorted().toList();
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < PriceBatchParser.MAX_PRICES; i++) distinct.add(String.format("PB%04d-USD", i));
        // Registered as traded markets, so each is looked up: the worst case, not a market nothing can watch.
        distinct.forEach(ctx.getBean(Instruments.class)::register);
        TradingTables tables = ctx.getBean(TradingTables.class);
        seedPositions(tables, listed);
        seedPositions(tables, distinct.subList(0, 50));
        System.out.printf("price benchmark: %d cores, JDK %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Machine.loadAverage());
        System.out.printf("%d open positions with stops and targets on each of the %d listed markets and on 50 of the "
                + "distinct ones%n", POSITIONS_PER_MARKET, listed.size());
        for (int i = 0; i < 5; i++) post(batch(listed)); // warm-up: class loading and connections, not the design
        report("1,000 prices over the " + listed.size() + " listed markets", listed, batches);
        report("1,000 prices over 1,000 distinct markets", distinct, batches);
        System.out.printf("load average after: %s%n", Machine.loadAverage());
        return 0;
    }

    private void report(String shape, List<String> markets, int batches) throws Exception {
        Histogram micros = new Histogram(3);
        for (int i = 0; i < batches; i++) {
            String body = batch(markets);
            long started = System.nanoTime();
            post(body);
            micros.recordValue((System.nanoTime() - started) / 1_000);
        }
        System.out.printf("%-45s batches %4d  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", shape, batches,
                micros.getValueAtPercentile(50) / 1e3, micros.getValueAtPercentile(99) / 1e3, micros.getMaxValue() / 1e3);
    }

    /** 1,000 prices cycling through {@code markets}, each within 1% of 100: far from every stop (50) and target (200). */
    private String batch(List<String> markets) {
        StringBuilder body = new StringBuilder("{\"prices\":[");
        for (int i = 0; i < PriceBatchParser.MAX_PRICES; i++) {
            if (i > 0) body.append(',');
            BigDecimal price = BigDecimal.valueOf(9_900 + random.nextInt(200), 2);
            body.append("{\"symbol\":\"").append(markets.get(i % markets.size())).append("\",\"price\":\"")
                    .append(price.toPlainString()).append("\"}");
        }
        return body.append("]}").toString();
    }

    private void post(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/internal/prices"))
                .header("Content-Type", "application/json")
                .header("X-Nija-Source", FEED)
                .header("X-Nija-Signature", SignalAuthenticator.sign(SECRET, body, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("prices refused: " + response.body());
    }

    private static void seedPositions(TradingTables tables, List<String> markets) {
        Instant now = Instant.now();
        for (String symbol : markets) {
            for (int n = 0; n < POSITIONS_PER_MARKET; n++) {
                String userId = "bench-price-trader-" + n;
                String positionId = symbol + "-" + n;
                tables.positions().putItem(new PositionItem(Keys.user(userId), Keys.position(positionId), positionId,
                        userId, symbol, Side.LONG.name(), BigDecimal.ONE, new BigDecimal("100"),
                        PositionStatus.OPEN.name(), now, null, null, null, BigDecimal.ZERO, new BigDecimal("50"),
                        new BigDecimal("200"), Keys.openBySymbol(symbol), userId + "#" + positionId, null, null, null, null));
            }
        }
    }
}
