package com.nija.local.bench;

import com.nija.local.platform.LocalPlatform;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.Signal;
import com.nija.shared.engine.SignalAction;
import com.nija.shared.engine.TradeEventBus;
import com.nija.shared.engine.TradeListener;
import com.nija.shared.engine.TradingEngine;
import com.nija.shared.engine.WorkQueues;
import com.nija.shared.market.PriceBook;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bench engine}: the executor's domain path ({@link TradingEngine#execute}, what {@code OrderExecutorHandler}
 * runs per message: trader snapshot, plan, paper fill, order / position / trade / roll-up writes, pushes) driven
 * directly by as many threads as the local executor has pollers, against the platform's dynalite and Redis — then the
 * same orders enqueued on the orders FIFO queue and run by the platform's executor, so the queue's cost shows apart.
 * Orders per second per core = orders / CPU seconds of this JVM (dynalite and Redis run in their own processes; ElasticMQ
 * runs in this JVM, so the queued phase's extra CPU is the queue's).
 */
public final class EngineBenchmark {
    private static final String SOURCE = "bench-engine";
    private static final String SYMBOL = "BTC-USD";

    private final LocalPlatform platform;
    private final Clock clock;
    private final Map<String, AtomicInteger> recordedBySignal = new ConcurrentHashMap<>();

    private EngineBenchmark(LocalPlatform platform) {
        this.platform = platform;
        this.clock = platform.context().getBean(Clock.class);
    }

    public static int run(Path home, int traders, int rounds) throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(new LocalPlatform.Options(0, false, null, home,
                Map.of("nija.throttle.enabled", false)))) {
            return new EngineBenchmark(platform).run(traders, rounds + rounds % 2);
        }
    }

    /** One phase: {@code orders} placed in {@code seconds} of wall time using {@code cpuSeconds} of this JVM's CPU. */
    record Phase(int orders, int filled, double seconds, double cpuSeconds) {
        double perSecond() {
            return orders / seconds;
        }

        double perCore() {
            return orders / cpuSeconds;
        }

        double cpuMsPerOrder() {
            return cpuSeconds * 1000 / orders;
        }
    }

    private int run(int traders, int rounds) throws Exception {
        var ctx = platform.context();
        ctx.getBean(PriceBook.class).update(SYMBOL, new BigDecimal("100"), clock.instant());
        BenchTraders.seed(ctx.getBean(TradingTables.class), traders, n -> "bench-engine-" + n, n -> List.of(SOURCE));
        ctx.getBean(TradeEventBus.class).subscribe(new TradeListener() {
            @Override
            public void recorded(OrderItem order) {
                count(order);
            }

            @Override
            public void filled(OrderItem order, PositionItem position, BigDecimal realized) {
                count(order);
            }
        });
        int threads = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
        System.out.printf("engine benchmark: %d cores, JDK %s, %d traders, %d rounds (buy, exit, …), %d threads / "
                        + "executor pollers; load average %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), traders, rounds, threads, Machine.loadAverage());
        TradingEngine engine = ctx.getBean(TradingEngine.class);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        WorkQueues queues = ctx.getBean(WorkQueues.class);
        try {
            // Both paths once unmeasured (class loading and JIT), then twice each, alternating, so neither gets the
            // warmer JVM or the quieter minute alone.
            direct(engine, pool, traders, rounds, "warm-direct");
            queued(queues, traders, rounds, "warm-queued");
            boolean allFilled = true;
            for (int run = 1; run <= 2; run++) {
                Phase direct = direct(engine, pool, traders, rounds, "direct-" + run);
                Phase queued = queued(queues, traders, rounds, "queued-" + run);
                print("run " + run + ": engine alone (TradingEngine.execute, no queue)", direct);
                print("run " + run + ": through the orders FIFO queue and the executor", queued);
                System.out.printf("run %d: the queue's share %.2f ms CPU per order (%.0f%% of the queued path), %.1f ms "
                                + "wall per order per poller%n", run, queued.cpuMsPerOrder() - direct.cpuMsPerOrder(),
                        100 * (1 - direct.cpuMsPerOrder() / queued.cpuMsPerOrder()),
                        (queued.seconds() - direct.seconds()) * 1000 / direct.orders() * threads);
                allFilled &= direct.filled() == direct.orders() && queued.filled() == queued.orders();
            }
            System.out.printf("load average after: %s%n", Machine.loadAverage());
            return allFilled ? 0 : 1;
        } finally {
            pool.shutdownNow();
        }
    }

    private void count(OrderItem order) {
        if (order.status() == OrderStatus.FILLED) {
            recordedBySignal.computeIfAbsent(order.signalId(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private Phase direct(TradingEngine engine, ExecutorService pool, int traders, int rounds, String name)
            throws Exception {
        long cpu = Machine.processCpuNanos();
        long started = System.nanoTime();
        int filled = 0;
        for (int round = 0; round < rounds; round++) {
            List<Future<Boolean>> placed = new ArrayList<>();
            for (OrderRequest r : requests(traders, round, name)) {
                placed.add(pool.submit(() -> engine.execute(r, false, false).order().status() == OrderStatus.FILLED));
            }
            for (Future<Boolean> f : placed) filled += f.get() ? 1 : 0;
        }
        return new Phase(traders * rounds, filled, (System.nanoTime() - started) / 1e9,
                (Machine.processCpuNanos() - cpu) / 1e9);
    }

    private Phase queued(WorkQueues queues, int traders, int rounds, String name) throws Exception {
        long cpu = Machine.processCpuNanos();
        long started = System.nanoTime();
        int filled = 0;
        for (int round = 0; round < rounds; round++) {
            List<OrderRequest> requests = requests(traders, round, name);
            if (queues.enqueueOrders(requests) > 0) throw new IllegalStateException("the orders queue refused orders");
            filled += awaitFilled(requests.get(0).requestId(), traders);
        }
        return new Phase(traders * rounds, filled, (System.nanoTime() - started) / 1e9,
                (Machine.processCpuNanos() - cpu) / 1e9);
    }

    /** Polls (1 ms) until every trader's order of {@code signalId} is filled, at most 120 s. */
    private int awaitFilled(String signalId, int traders) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        AtomicInteger got = recordedBySignal.computeIfAbsent(signalId, k -> new AtomicInteger());
        while (got.get() < traders && System.nanoTime() < deadline) Thread.sleep(1);
        return got.get();
    }

    /** One signal's order for each trader: buys on even rounds, exits on odd ones, so every round has the same work. */
    private List<OrderRequest> requests(int traders, int round, String phase) {
        var now = clock.instant();
        Signal signal = new Signal(phase + "-" + round, SOURCE, "bench", SYMBOL,
                round % 2 == 0 ? SignalAction.BUY : SignalAction.EXIT, OrderType.MARKET, null, null, null, null, null,
                null, now, now);
        List<OrderRequest> out = new ArrayList<>(traders);
        for (int n = 0; n < traders; n++) out.add(OrderRequest.forSignal("bench-engine-" + n, signal));
        return out;
    }

    private static void print(String path, Phase p) {
        System.out.printf("%-66s %5d orders (%d filled) in %6.2f s: %7.1f orders/s wall, %5.2f ms CPU per order, "
                        + "%6.0f orders/s per core%n", path, p.orders(), p.filled(), p.seconds(), p.perSecond(),
                p.cpuMsPerOrder(), p.perCore());
    }
}
