package com.nija.shared.signals;

import com.nija.shared.data.SettingsItem;
import com.nija.shared.data.Tables;
import com.nija.shared.data.TradingTables;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * A signal becomes one order message per subscribed trader. Subscribers are read from the write-sharded
 * enabled-traders index (every shard queried in parallel, never a table scan); the index carries the settings,
 * so the symbol and subscription filters cost no extra read. Plan entitlements are checked by the executor,
 * where a refusal is recorded for the trader to see.
 */
@Singleton
public class FanoutService {
    private final TradingTables tables;
    private final WorkQueues queues;
    private final com.nija.shared.prices.PriceBook prices;
    private final ExecutorService shardReaders = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "fanout-shard");
        t.setDaemon(true);
        return t;
    });

    public FanoutService(TradingTables tables, WorkQueues queues, com.nija.shared.prices.PriceBook prices) {
        this.tables = tables;
        this.prices = prices;
        this.queues = queues;
    }

    /** @return how many traders the signal was sent to */
    public int fanOut(Signal signal) {
        // A signal that carries the sender's price is the freshest price we have for that market.
        if (signal.price() != null) prices.update(signal.symbol(), signal.price(), signal.receivedAt());
        List<OrderRequest> requests = subscribers(signal).stream()
                .map(s -> new OrderRequest(s.gsi2sk(), signal, null, OrderRequest.SIGNAL))
                .toList();
        int failed = queues.enqueueOrders(requests);
        if (failed > 0) {
            // Re-delivering the whole signal is safe: FIFO dedup ids and conditional order writes absorb repeats.
            throw new IllegalStateException(failed + " of " + requests.size() + " order messages were refused by SQS");
        }
        Telemetry.record(Metric.count("SignalFannedOut"));
        return requests.size();
    }

    List<SettingsItem> subscribers(Signal signal) {
        List<CompletableFuture<List<SettingsItem>>> shards = new ArrayList<>();
        for (int shard = 0; shard < Tables.ENABLED_SHARDS; shard++) {
            String pk = "ENABLED#" + shard;
            shards.add(CompletableFuture.supplyAsync(() -> tables.settings().index(Tables.ENABLED_BY_SHARD)
                    .query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build())))
                    .stream().flatMap(p -> p.items().stream()).toList(), shardReaders));
        }
        List<SettingsItem> out = new ArrayList<>();
        for (CompletableFuture<List<SettingsItem>> f : shards) {
            for (SettingsItem s : f.join()) {
                if (!Boolean.TRUE.equals(s.tradingEnabled())) continue;
                if (s.subscriptions() == null || !s.subscriptions().contains(signal.source())) continue;
                if (s.allowedSymbols() != null && !s.allowedSymbols().isEmpty()
                        && !s.allowedSymbols().contains(signal.symbol())) continue;
                out.add(s);
            }
        }
        return out;
    }
}
