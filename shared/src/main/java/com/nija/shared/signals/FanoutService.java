package com.nija.shared.signals;

import com.fasterxml.jackson.databind.JavaType;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.SettingsItem;
import com.nija.shared.data.Tables;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.Signal;
import com.nija.shared.engine.WorkQueues;
import com.nija.shared.json.Json;
import com.nija.shared.market.PriceBook;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.settings.SettingsRepository;
import com.nija.shared.settings.SettingsService;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A signal becomes one order message per subscribed trader. Subscribers are read from the write-sharded
 * enabled-traders index (every shard queried in parallel, never a table scan); the index carries the settings,
 * so the symbol and subscription filters cost no extra read. Plan entitlements are checked by the executor,
 * where a refusal is recorded for the trader to see.
 *
 * <p>Intake tries {@link #fanOutInline} first: a signal with few subscribers goes straight to the orders queue,
 * skipping the signals queue and this function's hop (about half of one trader's signal→order latency). A bigger or
 * slower fan-out is handed to the fan-out function, so intake's answer stays far inside TradingView's 3 s. Sending
 * twice is harmless: the orders queue drops a repeated (signal, trader) by its deduplication id.
 */
@Singleton
public class FanoutService {
    private static final Duration SUBSCRIBERS_TTL = Duration.ofSeconds(60);
    private static final JavaType SUBSCRIBERS = Json.MAPPER.getTypeFactory()
            .constructCollectionType(List.class, Subscriber.class);

    private final SettingsRepository settings;
    private final WorkQueues queues;
    private final PriceBook prices;
    private final UserCache cache;
    private final ExecutorService shardReaders = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "fanout-shard");
        t.setDaemon(true);
        return t;
    });

    public FanoutService(SettingsRepository settings, WorkQueues queues, PriceBook prices,
                         UserCache cache) {
        this.settings = settings;
        this.cache = cache;
        this.prices = prices;
        this.queues = queues;
    }

    /** @return how many traders the signal was sent to */
    public int fanOut(Signal signal) {
        List<Subscriber> subscribers = subscribers(signal, null).orElseThrow();
        int failed = send(signal, subscribers);
        if (failed > 0) {
            // Re-delivering the whole signal is safe: FIFO dedup ids and conditional order writes absorb repeats.
            throw new IllegalStateException(failed + " of " + subscribers.size() + " order messages were refused by SQS");
        }
        return subscribers.size();
    }

    /**
     * Fans out in the caller (intake) when the signal has at most {@code maxSubscribers} subscribers and finding them
     * takes less than {@code budget}. False when it did not, or SQS refused a message: then hand the signal to the
     * fan-out function, which sends to every subscriber again (repeats are dropped by deduplication id).
     */
    public boolean fanOutInline(Signal signal, int maxSubscribers, Duration budget) {
        Optional<List<Subscriber>> subscribers = subscribers(signal, budget);
        if (subscribers.isEmpty() || subscribers.get().size() > maxSubscribers) return false;
        return send(signal, subscribers.get()) == 0;
    }

    private int send(Signal signal, List<Subscriber> subscribers) {
        // A signal that carries the sender's price is the freshest price we have for that market.
        if (signal.price() != null) prices.update(signal.symbol(), signal.price(), signal.receivedAt());
        List<OrderRequest> requests = subscribers.stream()
                .map(s -> OrderRequest.forSignal(s.userId(), signal))
                .toList();
        int failed = queues.enqueueOrders(requests);
        if (failed == 0) Telemetry.record(Metric.count("SignalFannedOut"));
        return failed;
    }

    /** A trader with trading on who follows a source, and the markets they allow (empty: all). */
    public record Subscriber(String userId, List<String> allowedSymbols) {}

    /**
     * The signal's subscribers; empty when {@code budget} (null: none) ran out before every shard answered. A source's
     * list is cached (one Redis round trip instead of 16 queries that read every enabled trader): every settings
     * change invalidates all lists ({@link SettingsService#SUBSCRIBERS_CACHE}), and a list loaded while one happens
     * is stored under the old generation, never served.
     */
    private Optional<List<Subscriber>> subscribers(Signal signal, Duration budget) {
        List<Subscriber> following;
        try {
            following = cache.getOrLoad(SettingsService.SUBSCRIBERS_CACHE, "source:" + signal.source(),
                    SUBSCRIBERS_TTL, SUBSCRIBERS, () -> load(signal.source(), budget));
        } catch (OutOfTime slow) {
            return Optional.empty();
        }
        return Optional.of(following.stream().filter(s -> s.allowedSymbols() == null || s.allowedSymbols().isEmpty()
                || s.allowedSymbols().contains(signal.symbol())).toList());
    }

    private List<Subscriber> load(String source, Duration budget) {
        long deadline = budget == null ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos();
        List<CompletableFuture<List<SettingsItem>>> shards = new ArrayList<>();
        for (int shard = 0; shard < Tables.ENABLED_SHARDS; shard++) {
            int s = shard;
            shards.add(CompletableFuture.supplyAsync(() -> settings.followers(source, s), shardReaders));
        }
        List<Subscriber> out = new ArrayList<>();
        for (CompletableFuture<List<SettingsItem>> f : shards) {
            List<SettingsItem> shard;
            try {
                shard = budget == null ? f.join() : f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException slow) {
                shards.forEach(s -> s.cancel(false));
                throw new OutOfTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutOfTime();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            for (SettingsItem s : shard) {
                // checked here too: the filter is an optimisation, the rule lives in one place
                if (!Boolean.TRUE.equals(s.tradingEnabled())) continue;
                if (s.subscriptions() == null || !s.subscriptions().contains(source)) continue;
                out.add(new Subscriber(s.gsi2sk(), s.allowedSymbols() == null ? List.of() : s.allowedSymbols()));
            }
        }
        return out;
    }

    /** The shards did not all answer within the inline budget: nothing is cached, the fan-out function takes over. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }
}
