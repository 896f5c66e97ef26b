package com.nija.it;

import static com.nija.it.support.Money.decimal;
import static com.nija.it.support.Money.money;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.ApiResponse;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.Await;
import com.nija.it.support.DedicatedPlatform;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import com.nija.local.platform.LocalPlatform;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.QueueProvisioner;
import com.nija.shared.engine.OrderRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The books add up: 1,000 random signals (buy, sell, exit over five markets, some with stops and targets, with
 * random prices posted between them) over 20 traders with different risk settings, through the whole local
 * pipeline. Once every queue is drained, each trader's cash, equity, realized P&L, open positions and orders are
 * checked, to the cent, against nothing but their own fills as the trade history reports them.
 *
 * <p>Runs on a platform of its own with the order throttle off (3 orders a minute would refuse nearly everything);
 * the shared platform keeps NIJA's defaults. {@code -Dnija.it.seed=…} replays a signal sequence (the interleaving of
 * the workers still varies).
 */
@PlatformTest
@DisplayName("Reconciliation: 1,000 random signals over 20 traders")
class ReconciliationIT {
    private static final int SIGNALS = 1_000;
    private static final int TRADERS = 20;
    private static final int SENDERS = 4;
    /** Signals are sent in waves; before the next wave the pipeline may hold at most this many messages. */
    private static final int WAVE = 20;
    private static final int BACKLOG = 60;
    private static final BigDecimal STARTING_CASH = new BigDecimal("10000");
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);
    /** Symbol → quote precision (decimal places) and starting price. */
    private static final Map<String, Integer> SCALE = Map.of("BTC-USD", 2, "ETH-USD", 2, "SOL-USD", 2, "ADA-USD", 4,
            "DOGE-USD", 5);
    private static final Map<String, String> START = Map.of("BTC-USD", "60000.00", "ETH-USD", "3000.00",
            "SOL-USD", "150.00", "ADA-USD", "0.4500", "DOGE-USD", "0.15000");
    private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD", "ADA-USD", "DOGE-USD");

    private static DedicatedPlatform dedicated;

    @BeforeAll
    static void startPlatform(ApiTarget shared) {
        dedicated = DedicatedPlatform.start(shared, "the reconciliation run",
                Map.of("nija.throttle.enabled", false));
    }

    @AfterAll
    static void stopPlatform() {
        if (dedicated != null) dedicated.close();
    }

    @Test
    @DisplayName("after every queue drains, each trader's cash, equity, realized P&L, open positions and filled "
            + "orders agree with their fills to the cent")
    void booksReconcile() throws Exception {
        long seed = Long.getLong("nija.it.seed", System.nanoTime());
        Random random = new Random(seed);
        LocalPlatform platform = dedicated.platform();
        Pipeline queues = new Pipeline(platform);
        // two strategies: a third of the traders follow both, the others one of them
        List<SignalSource> sources = List.of(SignalSource.register(platform, dedicated.api()),
                SignalSource.register(platform, dedicated.api()));
        SignalSource feed = sources.get(0);
        List<Trader> traders = new ArrayList<>();
        for (int i = 0; i < TRADERS; i++) {
            Trader trader = dedicated.newTrader("reconcile-" + i);
            Map<String, Object> settings = settings(i, random);
            if (i % 3 == 0) settings.put("subscriptions", List.of(sources.get(0).id(), sources.get(1).id()));
            trader.follow(sources.get(i % 2), settings);
            traders.add(trader);
        }
        Map<String, BigDecimal> latest = new HashMap<>();
        SYMBOLS.forEach(s -> latest.put(s, new BigDecimal(START.get(s))));
        feed.prices(latest).expect(200);

        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<ApiResponse>> wave = new ArrayList<>();
        List<Future<ApiResponse>> repeats = new ArrayList<>();
        List<Map<String, Object>> signals = new ArrayList<>();
        List<SignalSource> sentBy = new ArrayList<>();
        int priceUpdates = 0;
        int triggered = 0;
        try {
            for (int n = 0; n < SIGNALS; n++) {
                if (random.nextDouble() < 0.3) {
                    triggered += feed.prices(move(latest, random)).expect(200).json().path("stopsAndTargets").asInt();
                    priceUpdates++;
                }
                SignalSource source = sources.get(random.nextInt(sources.size()));
                Map<String, Object> signal = randomSignal(n, seed, latest, random);
                signals.add(signal);
                sentBy.add(source);
                wave.add(senders.submit(() -> source.send(signal)));
                if (n > 50 && random.nextDouble() < 0.02) {
                    int earlier = random.nextInt(n - 50); // accepted long ago: a repeat gets 200 and changes nothing
                    Map<String, Object> again = signals.get(earlier);
                    SignalSource sender = sentBy.get(earlier);
                    repeats.add(senders.submit(() -> sender.send(again)));
                }
                if (wave.size() == WAVE) {
                    for (Future<ApiResponse> f : wave) f.get(60, TimeUnit.SECONDS).expect(202);
                    wave.clear();
                    queues.awaitBacklogAtMost(BACKLOG);
                }
            }
            for (Future<ApiResponse> f : wave) f.get(60, TimeUnit.SECONDS).expect(202);
            for (Future<ApiResponse> f : repeats) f.get(60, TimeUnit.SECONDS).expect(200);
        } finally {
            senders.shutdownNow();
        }
        triggered += feed.prices(move(latest, random)).expect(200).json().path("stopsAndTargets").asInt();
        priceUpdates++;
        long accepted = System.nanoTime();

        Map<String, Integer> remaining = queues.awaitDrained();
        long drained = System.nanoTime();

        List<String> problems = new ArrayList<>();
        Tally tally = new Tally();
        OrderRepository orderRepository = platform.context().getBean(OrderRepository.class);
        for (Trader trader : traders) {
            reconcile(trader, latest, orderRepository, problems, tally);
        }
        long checked = System.nanoTime();

        System.out.printf("[it] reconciliation (seed %d): %d signals (+%d repeats) from 2 sources and %d price updates"
                        + " for %d traders; orders %d filled, %d refused, %d failed, %d resting; %d trades; prices "
                        + "triggered %d closes, %d filled (stop-loss %d, take-profit %d); %d positions still open%n"
                        + "[it]   sending %d ms (waiting for the backlog included), draining %d ms, checking %d ms; "
                        + "queues at the end %s%n"
                        + "[it]   refusals: %s%n",
                seed, SIGNALS, repeats.size(), priceUpdates, TRADERS, tally.filled, tally.refused, tally.failed,
                tally.resting, tally.trades, triggered, tally.stopLoss + tally.takeProfit, tally.stopLoss,
                tally.takeProfit, tally.open, millis(started, accepted), millis(accepted, drained),
                millis(drained, checked), remaining, top(tally.reasons, 8));
        assertThat(problems).as("reconciliation problems (seed %d)", seed).isEmpty();
        assertThat(tally.filled).as("the run traded at all").isGreaterThan(TRADERS);
        assertThat(tally.stopLoss + tally.takeProfit).as("prices closed positions by their stops and targets")
                .isPositive();
        assertThat(tally.failed).as("orders failed at the paper broker").isZero();
        assertThat(remaining).as("messages left in the queues and their dead-letter queues")
                .allSatisfy((name, count) -> assertThat(count).as(name).isZero());
    }

    /** Checks one trader's books against their fills; adds what disagrees to {@code problems}. */
    private static void reconcile(Trader trader, Map<String, BigDecimal> latest, OrderRepository orderRepository,
                                  List<String> problems, Tally tally) {
        String who = trader.id();
        List<JsonNode> trades = trader.trades();
        BigDecimal cash = STARTING_CASH;
        Map<String, JsonNode> openings = new LinkedHashMap<>();
        Map<String, JsonNode> closings = new LinkedHashMap<>();
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal exactRealized = BigDecimal.ZERO;
        Set<String> tradeOrderIds = new HashSet<>();
        for (JsonNode t : trades) {
            BigDecimal notional = decimal(t, "quantity").multiply(decimal(t, "price"));
            BigDecimal fee = decimal(t, "fee");
            cash = "SELL".equals(t.path("side").asText()) ? cash.add(notional).subtract(fee)
                    : cash.subtract(notional).subtract(fee);
            String positionId = t.path("positionId").asText();
            boolean closing = t.hasNonNull("realizedPnl");
            if (closing) {
                realized = realized.add(decimal(t, "realizedPnl"));
                if (closings.put(positionId, t) != null) {
                    problems.add(who + ": position " + positionId + " closed twice");
                }
            } else if (openings.put(positionId, t) != null) {
                problems.add(who + ": position " + positionId + " opened twice");
            }
            if (!tradeOrderIds.add(t.path("orderId").asText())) {
                problems.add(who + ": order " + t.path("orderId").asText() + " has two trades");
            }
        }
        tally.trades += trades.size();

        // each close's realized P&L is its position's price move net of both fees
        for (Map.Entry<String, JsonNode> c : closings.entrySet()) {
            JsonNode open = openings.get(c.getKey());
            if (open == null) {
                problems.add(who + ": close of " + c.getKey() + " without an opening fill");
                continue;
            }
            JsonNode close = c.getValue();
            int sign = "BUY".equals(open.path("side").asText()) ? 1 : -1;
            BigDecimal exact = decimal(close, "price").subtract(decimal(open, "price"))
                    .multiply(decimal(open, "quantity")).multiply(BigDecimal.valueOf(sign))
                    .subtract(decimal(open, "fee")).subtract(decimal(close, "fee"));
            exactRealized = exactRealized.add(exact);
            same(problems, who + ": realized P&L of position " + c.getKey(), money(decimal(close, "realizedPnl")),
                    money(exact));
            if (decimal(close, "quantity").compareTo(decimal(open, "quantity")) != 0) {
                problems.add(who + ": position " + c.getKey() + " closed " + close.path("quantity").asText() + " of "
                        + open.path("quantity").asText());
            }
        }

        // never two positions open at once in one market, at any time of the run (fill times, closes before opens)
        Map<String, List<JsonNode>> bySymbol = openings.values().stream()
                .collect(Collectors.groupingBy(o -> o.path("symbol").asText()));
        bySymbol.forEach((symbol, opens) -> {
            List<JsonNode> sorted = new ArrayList<>(opens);
            sorted.sort(java.util.Comparator.comparing(o -> Instant.parse(o.path("executedAt").asText())));
            for (int k = 1; k < sorted.size(); k++) {
                JsonNode previousClose = closings.get(sorted.get(k - 1).path("positionId").asText());
                Instant opened = Instant.parse(sorted.get(k).path("executedAt").asText());
                if (previousClose == null || Instant.parse(previousClose.path("executedAt").asText()).isAfter(opened)) {
                    problems.add(who + ": position " + sorted.get(k).path("positionId").asText() + " opened in "
                            + symbol + " at " + opened + " while " + sorted.get(k - 1).path("positionId").asText()
                            + " was still open");
                }
            }
        });

        // open positions: those with an opening fill and no closing one, valued at the latest prices
        Map<String, JsonNode> stillOpen = new LinkedHashMap<>(openings);
        stillOpen.keySet().removeAll(closings.keySet());
        BigDecimal marketValue = BigDecimal.ZERO;
        for (JsonNode open : stillOpen.values()) {
            int sign = "BUY".equals(open.path("side").asText()) ? 1 : -1;
            marketValue = marketValue.add(decimal(open, "quantity").multiply(latest.get(open.path("symbol").asText()))
                    .multiply(BigDecimal.valueOf(sign)));
        }
        tally.open += stillOpen.size();
        List<JsonNode> apiOpen = trader.positions("open");
        Map<String, Long> perSymbol = apiOpen.stream()
                .collect(Collectors.groupingBy(p -> p.path("symbol").asText(), Collectors.counting()));
        perSymbol.forEach((symbol, n) -> {
            if (n > 1) problems.add(who + ": " + n + " open positions in " + symbol);
        });
        Set<String> apiOpenIds = apiOpen.stream().map(p -> p.path("positionId").asText()).collect(Collectors.toSet());
        if (!apiOpenIds.equals(stillOpen.keySet())) {
            problems.add(who + ": open positions " + apiOpenIds + " but the fills leave open " + stillOpen.keySet());
        }
        for (JsonNode p : apiOpen) {
            JsonNode open = stillOpen.get(p.path("positionId").asText());
            if (open == null) continue;
            String symbol = p.path("symbol").asText();
            String side = "BUY".equals(open.path("side").asText()) ? "LONG" : "SHORT";
            if (!side.equals(p.path("side").asText()) || !symbol.equals(open.path("symbol").asText())
                    || decimal(p, "quantity").compareTo(decimal(open, "quantity")) != 0
                    || decimal(p, "entryPrice").compareTo(decimal(open, "price")) != 0) {
                problems.add(who + ": position " + p + " differs from its opening fill " + open);
            }
            same(problems, who + ": current price of " + symbol, decimal(p, "currentPrice"), latest.get(symbol));
        }

        JsonNode dashboard = trader.dashboard();
        // when cash is off, say by how much the closes' realized P&L as booked differs from their exact P&L
        String booked = " (Σ realized P&L as booked − exact: " + realized.subtract(exactRealized).toPlainString() + ")";
        same(problems, who + ": dashboard cash vs 10,000 + fills" + booked, decimal(dashboard, "cash"), money(cash));
        same(problems, who + ": dashboard equity vs fills + open positions at the latest prices",
                decimal(dashboard, "equity"), money(cash.add(marketValue)));
        if (dashboard.path("openPositions").asInt() != stillOpen.size()) {
            problems.add(who + ": dashboard shows " + dashboard.path("openPositions").asInt() + " open positions, "
                    + "the fills leave " + stillOpen.size());
        }
        JsonNode performance = trader.performance("all");
        same(problems, who + ": performance realizedPnl (all) vs closing trades",
                money(decimal(performance, "realizedPnl")), money(realized));
        if (performance.path("closedTrades").asLong() != closings.size()) {
            problems.add(who + ": performance counts " + performance.path("closedTrades").asLong()
                    + " closed trades, the fills " + closings.size());
        }

        // orders: every FILLED order has exactly one trade and every trade a FILLED order (the route lists 100 at
        // most and has no cursor, so the full list comes from the repository, and the route is checked against it)
        List<OrderItem> orders = orderRepository.list(who, null, Integer.MAX_VALUE);
        Set<String> filledIds = new HashSet<>();
        for (OrderItem o : orders) {
            switch (o.status()) {
                case FILLED -> {
                    filledIds.add(o.orderId());
                    tally.filled++;
                    if ("stop-loss".equals(o.strategy())) tally.stopLoss++;
                    if ("take-profit".equals(o.strategy())) tally.takeProfit++;
                }
                case REFUSED -> {
                    tally.refused++;
                    tally.reasons.merge(o.reason().replaceAll("[0-9][0-9.,]*", "#").replaceAll(
                            "[A-Z]+-USD", "…-USD"), 1, Integer::sum);
                }
                case FAILED -> {
                    tally.failed++;
                    problems.add(who + ": order " + o.orderId() + " failed: " + o.reason());
                }
                default -> tally.resting++;
            }
        }
        if (filledIds.size() != trades.size() || !filledIds.equals(tradeOrderIds)) {
            problems.add(who + ": " + filledIds.size() + " FILLED orders but " + trades.size() + " trades; orders "
                    + "without a trade " + difference(filledIds, tradeOrderIds) + ", trades without a filled order "
                    + difference(tradeOrderIds, filledIds));
        }
        List<JsonNode> apiFilled = trader.orders("filled");
        if (apiFilled.size() != Math.min(100, filledIds.size())
                || !apiFilled.stream().allMatch(o -> filledIds.contains(o.path("orderId").asText()))) {
            problems.add(who + ": GET /api/v1/orders?status=filled shows " + apiFilled.size() + " orders, "
                    + filledIds.size() + " are filled");
        }
    }

    /**
     * A mix of risk settings: shorts for half the traders, a fifth trading every market and the others one or two,
     * position sizes from 2% to 10%, one to three open positions, a tight daily loss limit for a fifth, default
     * stops and targets for a third.
     */
    private static Map<String, Object> settings(int i, Random random) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("allowShorts", i % 2 == 0);
        List<String> markets = new ArrayList<>(SYMBOLS);
        java.util.Collections.shuffle(markets, random);
        s.put("allowedSymbols", i % 5 == 0 ? List.of() : List.copyOf(markets.subList(0, 1 + random.nextInt(2))));
        s.put("positionSizePct", List.of("2", "3", "5", "8", "10").get(random.nextInt(5)));
        s.put("maxOpenPositions", 1 + random.nextInt(3));
        s.put("dailyLossLimit", i % 5 == 0 ? "150" : "100000");
        if (i % 3 == 0) {
            s.put("stopLossPct", "3");
            s.put("takeProfitPct", "5");
        }
        return s;
    }

    private static Map<String, Object> randomSignal(int n, long seed, Map<String, BigDecimal> latest, Random random) {
        String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
        double a = random.nextDouble();
        String action = a < 0.4 ? "buy" : a < 0.7 ? "sell" : "exit";
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("signalId", "rec-" + Long.toHexString(seed) + "-" + n);
        s.put("symbol", random.nextBoolean() ? symbol : symbol.replace("-", ""));
        s.put("action", action);
        s.put("strategy", "rec-" + random.nextInt(3));
        if (!"exit".equals(action)) {
            BigDecimal price = latest.get(symbol);
            boolean buy = "buy".equals(action);
            double r = random.nextDouble();
            if (r < 0.15) s.put("stopLoss", (1 + random.nextInt(5)) + "%");
            else if (r < 0.25) s.put("stopLoss", scaled(symbol, price.multiply(BigDecimal.valueOf(buy ? 0.97 : 1.03))));
            if (random.nextDouble() < 0.2) s.put("takeProfit", (2 + random.nextInt(6)) + "%");
            double q = random.nextDouble();
            if (q < 0.3) {
                s.put("quantityType", "usd");
                s.put("quantity", Integer.toString(100 + random.nextInt(1400)));
            } else if (q < 0.4) {
                s.put("quantityType", "percent_of_equity");
                s.put("quantity", Integer.toString(1 + random.nextInt(12)));
            } else if (q < 0.5) {
                s.put("quantityType", "quantity");
                s.put("quantity", BigDecimal.valueOf(200 + random.nextInt(800))
                        .divide(price, 6, RoundingMode.DOWN).max(new BigDecimal("0.000001")).toPlainString());
            }
        }
        return s;
    }

    /** A random walk: one to three markets move by a normal step of about 1.5%. Returns the new prices. */
    private static Map<String, BigDecimal> move(Map<String, BigDecimal> latest, Random random) {
        Map<String, BigDecimal> moved = new TreeMap<>();
        int count = 1 + random.nextInt(3);
        for (int k = 0; k < count; k++) {
            String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
            BigDecimal step = BigDecimal.valueOf(1 + random.nextGaussian() * 0.015);
            BigDecimal price = scaled(symbol, latest.get(symbol).multiply(step.max(new BigDecimal("0.9"))));
            latest.put(symbol, price);
            moved.put(symbol, price);
        }
        return moved;
    }

    private static void same(List<String> problems, String what, BigDecimal actual, BigDecimal expected) {
        if (actual.compareTo(expected) != 0) {
            problems.add(what + ": API says " + actual.toPlainString() + ", expected " + expected.toPlainString()
                    + " (off by " + actual.subtract(expected).toPlainString() + ")");
        }
    }

    private static BigDecimal scaled(String symbol, BigDecimal price) {
        return price.setScale(SCALE.get(symbol), RoundingMode.HALF_EVEN);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static String top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining("; "));
    }

    /** The pipeline's queues on the dedicated platform: signals, orders and their dead-letter queues. */
    private static final class Pipeline {
        private final LocalPlatform platform;
        private final SqsClient sqs;
        private final Map<String, String> urls = new LinkedHashMap<>();

        Pipeline(LocalPlatform platform) {
            this.platform = platform;
            this.sqs = platform.context().getBean(SqsClient.class);
            NijaConfig config = platform.context().getBean(NijaConfig.class);
            QueueProvisioner provisioner = new QueueProvisioner(sqs);
            urls.put("signals", config.getSignalsQueueUrl());
            urls.put("orders", config.getOrdersQueueUrl());
            urls.put("signals-dlq", provisioner.dlqUrl(com.nija.shared.data.Queues.SIGNALS));
            urls.put("orders-dlq", provisioner.dlqUrl(com.nija.shared.data.Queues.ORDERS));
        }

        /** Messages waiting, in flight or delayed, per queue. */
        Map<String, Integer> counts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            urls.forEach((name, url) -> counts.put(name, inQueue(url)));
            return counts;
        }

        void awaitBacklogAtMost(int messages) {
            Await.until("the pipeline's backlog to shrink to " + messages, DRAIN_TIMEOUT,
                    () -> {
                        Map<String, Integer> counts = counts();
                        return counts.get("signals") + counts.get("orders");
                    }, n -> n <= messages);
        }

        /** Waits until signals and orders hold nothing, three checks in a row; returns every queue's count. */
        Map<String, Integer> awaitDrained() {
            int[] quiet = {0};
            long[] reported = {System.nanoTime()};
            return Await.until("every queue to drain", DRAIN_TIMEOUT, () -> {
                Map<String, Integer> counts = counts();
                quiet[0] = counts.get("signals") == 0 && counts.get("orders") == 0 ? quiet[0] + 1 : 0;
                if (System.nanoTime() - reported[0] > 10_000_000_000L) {
                    reported[0] = System.nanoTime();
                    System.out.printf("[it]   draining: %s; %.0f orders filled, %.0f refused so far%n", counts,
                            platform.metrics().total("OrderFilled"), platform.metrics().total("OrderRefused"));
                }
                if (quiet[0] < 3) Await.sleep(200);
                return counts;
            }, counts -> quiet[0] >= 3);
        }

        private int inQueue(String url) {
            Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            return a.values().stream().mapToInt(Integer::parseInt).sum();
        }
    }

    /** Counts across all traders, for the summary. */
    private static final class Tally {
        long filled;
        long refused;
        long failed;
        long resting;
        long trades;
        long stopLoss;
        long takeProfit;
        long open;
        final Map<String, Integer> reasons = new HashMap<>();
    }
}
