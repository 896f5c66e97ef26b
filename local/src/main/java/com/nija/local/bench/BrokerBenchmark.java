package com.nija.local.bench;

import com.nija.local.bench.VenueStub.Order;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.json.Json;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import com.nija.shared.venues.ClientOrderIds;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueClient;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueOrder;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.slf4j.LoggerFactory;

/**
 * {@code bench broker}: what the five venue adapters cost an order, apart from the venue itself. Per venue, an
 * in-process stub on loopback ({@link VenueStub}) answers each call the client's {@code place} is documented to make
 * with the venue's documented answer; the client, built as the executor's context builds it and pointed at the stub
 * through its base URL, places market orders under fresh order ids with a real key (an EC P-256 key for Coinbase,
 * random secrets for the others). Every call the stub receives is checked against the calls documented for that
 * place, and every answer must read as the filled order it is; a mismatch stops the benchmark with what differed.
 *
 * <p>Printed per venue: the first {@code place} in this JVM (the venue's classes loading, its first connection; the
 * first venue's also pays for the shared HTTP client's first request), then p50/p99/max of
 * {@code orders} places after as many warm-up places, the calls per place, and one request's signature timed on its
 * own. Before that, the init cost: building the HTTP client and the five clients in fresh JVMs
 * ({@link BrokerInitCost}), once after the AWS SDK HTTP client the executor has anyway (what the adapters add, held
 * against the 100 ms budget) and once in a bare JVM.
 *
 * <p>Kraken's nonces come from an in-process counter here; in AWS and on the local platform they come from Redis
 * ({@code RedisNonceSource}, one round trip a call), which this benchmark leaves out.
 */
public final class BrokerBenchmark {
    private final PrintStream out;
    private final Clock clock = PlatformClock.system();
    private final BenchKeys keys = new BenchKeys();
    private final AtomicLong orderSequence = new AtomicLong();
    private final AtomicLong krakenNonces = new AtomicLong(clock.millis());

    BrokerBenchmark(PrintStream out) {
        this.out = out;
    }

    /** What one venue's run measured, and every call its stub received, by {@code METHOD path}. */
    record VenueResult(BenchVenue venue, int places, Map<String, Long> calls, long firstPlaceNanos,
                       Histogram placeNanos, Optional<Histogram> signNanos) {}

    public static int run(int orders, List<String> venueNames, int initRuns) throws Exception {
        if (orders < 1 || initRuns < 1) {
            System.err.println("bench broker needs --orders and --init-runs of at least 1");
            return 2;
        }
        List<BenchVenue> venues = new ArrayList<>();
        for (String name : venueNames) {
            Optional<Venue> venue = Venue.parse(name);
            if (venue.isEmpty()) {
                System.err.println("bench broker: no venue '" + name + "' (coinbase, kraken, okx, binance, alpaca)");
                return 2;
            }
            venues.add(BenchVenue.of(venue.get()));
        }
        new BrokerBenchmark(System.out).run(venues, orders, initRuns);
        return 0;
    }

    /** Measures the init cost in {@code initRuns} fresh JVMs, then {@code orders} places on each of {@code venues}. */
    List<VenueResult> run(List<BenchVenue> venues, int orders, int initRuns) throws Exception {
        out.printf("broker benchmark: %d cores, JDK %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Machine.loadAverage());
        BrokerInitCost init = BrokerInitCost.measure(initRuns, true);
        BrokerInitCost bare = BrokerInitCost.measure(initRuns, false);
        List<VenueResult> results = places(venues, orders);
        print(init, bare, results, orders);
        out.printf("load average after: %s%n", Machine.loadAverage());
        return results;
    }

    /** {@code orders} timed places per venue, after as many warm-up places (the first of them timed on its own). */
    List<VenueResult> places(List<BenchVenue> venues, int orders) throws Exception {
        // The JDK server writes a response's headers and body apart; with Nagle's algorithm on, the body could wait
        // for the client's delayed ACK (40 ms on Linux): a cost of the stub, not of the client measured.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The executor logs and reads JSON before its first order: started here, so no venue's first place pays for
        // starting the logging framework (Binance's fill reader has a logger) or Jackson.
        LoggerFactory.getLogger(BrokerBenchmark.class).debug("broker benchmark: {} venues", venues.size());
        if (Json.readTree("{\"warm\":true}").isEmpty()) throw new IllegalStateException("Jackson reads no JSON");
        Map<Venue, VenueStub> stubs = new LinkedHashMap<>();
        try {
            Map<String, String> env = new LinkedHashMap<>();
            for (BenchVenue v : venues) {
                VenueStub stub = new VenueStub(v.venue().wire(), v.routes(), v.authHeaders());
                stubs.put(v.venue(), stub);
                env.put(BrokerClients.variable(v.venue(), false), stub.baseUrl());
            }
            Map<Venue, VenueClient> clients = BrokerClients.build(VenueHttp.standard(), env, clock,
                    keyId -> krakenNonces.incrementAndGet());
            List<VenueResult> results = new ArrayList<>();
            for (BenchVenue v : venues) {
                results.add(measure(v, stubs.get(v.venue()), clients.get(v.venue()), orders));
            }
            return results;
        } finally {
            stubs.values().forEach(VenueStub::close);
        }
    }

    private VenueResult measure(BenchVenue v, VenueStub stub, VenueClient client, int orders) {
        VenueCredentials key = keys.generate(v.venue());
        int placed = 0;
        long first = place(v, stub, client, key, placed++);
        while (placed < orders) place(v, stub, client, key, placed++);
        Histogram placeNanos = new Histogram(3);
        for (int i = 0; i < orders; i++) placeNanos.recordValue(place(v, stub, client, key, placed++));
        Optional<Histogram> signNanos = BenchKeys.placementSignature(key, v, stub.baseUrl(),
                        ClientOrderIds.forVenue(v.venue(), nextOrderId()), clock, krakenNonces::incrementAndGet)
                .map(signature -> timeSignatures(signature, Math.max(50, 4 * orders)));
        return new VenueResult(v, placed, stub.totals(), first, placeNanos, signNanos);
    }

    /** One {@code place} of a market buy under a fresh order id, timed, checked against the venue's documentation. */
    private long place(BenchVenue v, VenueStub stub, VenueClient client, VenueCredentials key, int nth) {
        String orderId = nextOrderId();
        String clientOrderId = ClientOrderIds.forVenue(v.venue(), orderId);
        String venueOrderId = UUID.nameUUIDFromBytes(("bench:" + orderId).getBytes(StandardCharsets.UTF_8)).toString();
        VenueOrder order = new VenueOrder(orderId, clientOrderId, v.symbol(), OrderSide.BUY, OrderType.MARKET,
                v.quantity(), null);
        stub.play(new Order(clientOrderId, venueOrderId));
        long started = System.nanoTime();
        Fill fill;
        try {
            fill = client.place(key, order);
        } catch (BrokerException e) {
            throw mismatch(v, clientOrderId, "place failed (" + e.kind() + ": " + e.getMessage() + ")", stub);
        }
        long elapsed = System.nanoTime() - started;
        if (!stub.problems().isEmpty()) throw mismatch(v, clientOrderId, "the stub refused a call", stub);
        List<String> expected = v.expectedCalls(nth);
        if (!stub.orderCalls().equals(expected)) {
            throw mismatch(v, clientOrderId, "its place is documented to make " + expected, stub);
        }
        if (fill.status() != Fill.Status.FILLED || !fill.clientOrderId().equals(clientOrderId)) {
            throw mismatch(v, clientOrderId, "the documented fill read as " + fill.status() + " of "
                    + fill.clientOrderId(), stub);
        }
        return elapsed;
    }

    private static IllegalStateException mismatch(BenchVenue v, String clientOrderId, String what, VenueStub stub) {
        return new IllegalStateException(v.venue().wire() + " order " + clientOrderId + ": " + what
                + "; the stub received " + stub.orderCalls()
                + (stub.problems().isEmpty() ? "" : " and refused: " + String.join("; ", stub.problems())));
    }

    /** Warm-up, then {@code samples} signatures each timed on its own; results kept so the JIT cannot drop them. */
    private Histogram timeSignatures(Supplier<String> signature, int samples) {
        int sink = 0;
        for (int i = 0; i < samples; i++) sink += signature.get().length();
        Histogram nanos = new Histogram(3);
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            sink += signature.get().length();
            nanos.recordValue(System.nanoTime() - started);
        }
        if (sink == 0) throw new IllegalStateException("every signature was empty");
        return nanos;
    }

    private String nextOrderId() {
        return String.format("o-%024x", orderSequence.incrementAndGet());
    }

    private void print(BrokerInitCost init, BrokerInitCost bare, List<VenueResult> results, int orders) {
        out.printf("%ninit: the JDK HTTP client and the five venue clients built as the executor's context builds them,"
                + " first time in a fresh JVM (C1 only), %d JVMs each way%n", init.totalNanos().size());
        out.printf("  after the executor's AWS SDK HTTP client (TLS set up; took p50 %.1f ms, not counted): %s — "
                + "target ≤ %d ms at p50: %s%n", millis(BrokerInitCost.median(init.awsNanos())), initCost(init),
                BrokerInitCost.TARGET_MILLIS, init.withinTarget() ? "met" : "NOT met");
        out.printf("  in a bare JVM (the JDK HTTP client sets up TLS itself): %s%n", initCost(bare));
        out.printf("%nplace() of a market buy to a loopback stub: %d timed orders per venue after %d warm-up orders "
                + "(the first timed on its own); one request's signature timed apart%n%n", orders, orders);
        out.println("| venue | calls per place | stub received | first place() | place() p50 | p99 | max "
                + "| one signature p50 |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (VenueResult r : results) {
            long calls = r.calls().values().stream().mapToLong(Long::longValue).sum();
            String once = r.venue().firstOrderOnly().isEmpty() ? ""
                    : " (+" + r.venue().firstOrderOnly().size() + " once)";
            out.printf("| %s | %d%s | %,d calls for %,d orders | %.2f ms | %.3f ms | %.3f ms | %.3f ms | %s |%n",
                    r.venue().venue().wire(), r.venue().perOrder().size(), once, calls, r.places(),
                    millis(r.firstPlaceNanos()), millis(r.placeNanos().getValueAtPercentile(50)),
                    millis(r.placeNanos().getValueAtPercentile(99)), millis(r.placeNanos().getMaxValue()),
                    r.signNanos().map(h -> String.format("%.1f µs", h.getValueAtPercentile(50) / 1e3))
                            .orElse("none (key in headers)"));
        }
        out.println();
        out.println("calls of one place, each checked on every order:");
        for (VenueResult r : results) {
            String once = r.venue().firstOrderOnly().isEmpty() ? ""
                    : String.join(", ", r.venue().firstOrderOnly()) + " (first order only), ";
            out.printf("  %s: %s%s%n", r.venue().venue().wire(), once,
                    String.join(" → ", r.venue().perOrder()).replace(VenueStub.VENUE_ORDER_ID, "{order_id}"));
        }
        out.println("Kraken nonces: an in-process counter here (Redis in AWS and on the local platform).");
    }

    private static String initCost(BrokerInitCost cost) {
        return String.format("JDK HTTP client p50 %.1f ms, five venue clients p50 %.1f ms, together p50 %.1f ms "
                        + "(max %.1f ms)", millis(BrokerInitCost.median(cost.httpNanos())),
                millis(BrokerInitCost.median(cost.clientsNanos())), millis(BrokerInitCost.median(cost.totalNanos())),
                millis(BrokerInitCost.max(cost.totalNanos())));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
