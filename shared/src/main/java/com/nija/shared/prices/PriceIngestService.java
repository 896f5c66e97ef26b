package com.nija.shared.prices;

import com.nija.shared.exits.PositionExits;
import com.nija.shared.exits.ExitRules;
import com.nija.shared.broker.OrderTicket;
import com.nija.shared.broker.RestingOrders;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.PositionItem;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.ParallelCalls;
import com.nija.shared.engine.WorkQueues;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.market.PriceBook;
import com.nija.shared.market.PriceUpdate;
import com.nija.shared.order.OrderTrigger;
import com.nija.shared.ratelimit.Quota;
import com.nija.shared.signals.SignalAuthenticator;
import com.nija.shared.signals.SourceActivity;
import com.nija.shared.signals.SourceRateLimits;
import com.nija.shared.signals.VerifiedSource;
import com.nija.shared.trading.PositionRepository;
import com.nija.shared.trading.Side;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Records latest prices and acts on them: open positions whose stop-loss or take-profit the price crossed are
 * closed; positions with an exit plan scale out at their ladder's rungs and have their stops moved to breakeven and
 * trailed ({@link ExitRules}), resting limit orders it crossed are filled (paper) or have their fill looked up (live venues). All are
 * found through the sparse open-by-symbol index, and the resulting work goes through the trader's FIFO order queue
 * like any other order.
 */
@Singleton
public class PriceIngestService {
    private final PriceBook prices;
    private final PositionRepository openPositions;
    private final List<RestingOrders> books;
    private final WorkQueues queues;
    private final Clock clock;
    private final List<PriceListener> listeners;
    private final SignalAuthenticator auth;
    private final Instruments instruments;
    private final SourceRateLimits limits;
    private final UserCache cache;
    private final SourceActivity activity;

    public PriceIngestService(PriceBook prices, PositionRepository positions, List<RestingOrders> books,
                              WorkQueues queues, Clock clock, List<PriceListener> listeners, SignalAuthenticator auth,
                              Instruments instruments, SourceRateLimits limits, UserCache cache,
                              SourceActivity activity) {
        this.activity = activity;
        this.limits = limits;
        this.cache = cache;
        this.prices = prices;
        this.openPositions = positions;
        this.books = books;
        this.queues = queues;
        this.clock = clock;
        this.listeners = listeners;
        this.auth = auth;
        this.instruments = instruments;
    }

    /** Counts of what a batch of prices triggered: closes of whole positions, limit fills, ladder scale-outs. */
    public record Outcome(int prices, int stopsAndTargets, int limitFills, int scaleOuts) {}

    /** A feed's request done: what it triggered, and the feed's rate limit after it. */
    public record Accepted(Outcome outcome, Quota quota) {}

    /**
     * A feed's request: authenticated as a source of kind PRICES (signed like signals), counted against the feed's
     * rate limit, read by {@link PriceBatchParser} (at most {@value PriceBatchParser#MAX_PRICES} prices), then ingested.
     *
     * @throws com.nija.shared.ratelimit.RateLimitedException (429) the feed used its allowance: no price is read
     */
    public Accepted accept(String rawBody, Optional<String> sourceHeader, Optional<String> signatureHeader) {
        Instant now = clock.instant();
        VerifiedSource feed = auth.authenticate(sourceHeader, signatureHeader, Optional.empty(), Optional.empty(),
                rawBody, "PRICES", now);
        Quota quota = limits.admit(feed);
        Outcome outcome = ingest(PriceBatchParser.parse(rawBody, now));
        activity.heard(feed, now); // after the batch is taken: a refused one leaves nothing behind
        return new Accepted(outcome, quota);
    }

    /**
     * One write per market (the batch's last price of it, in DynamoDB batches) and one look-up per market of what
     * watches it, side by side; then each price of the batch, in order, against what is still open.
     */
    public Outcome ingest(List<PriceUpdate> updates) {
        Map<String, List<PriceUpdate>> bySymbol = new LinkedHashMap<>();
        for (PriceUpdate u : updates) {
            PriceUpdate dated = u.at() == null ? new PriceUpdate(u.symbol(), u.price(), clock.instant()) : u;
            bySymbol.computeIfAbsent(u.symbol(), k -> new ArrayList<>()).add(dated);
        }
        CompletableFuture<Boolean> recorded = ParallelCalls.start(() -> {
            prices.updateAll(bySymbol.values().stream().map(l -> l.get(l.size() - 1)).toList());
            return true;
        });
        Map<String, Watches> watches = watches(bySymbol.keySet()); // here, not pooled: it waits for pooled calls
        ParallelCalls.join(recorded);
        List<OrderRequest> work = new ArrayList<>();
        // Positions that stay open, each with the latest price of the batch for its market (a later update wins).
        Map<String, PriceUpdate> marks = new LinkedHashMap<>();
        // Positions with an exit plan as the batch's prices have moved their rungs and stops so far, by position id.
        Managed managed = new Managed();
        int stops = 0;
        int fills = 0;
        for (PriceUpdate u : updates) {
            Watches w = watches.get(u.symbol());
            for (Iterator<PositionItem> it = w.positions().iterator(); it.hasNext(); ) {
                PositionItem p = managed.current(it.next());
                OrderTrigger trigger = p.exitPlan() == null ? crossed(p, u.price()) : managed.step(p, u.price(), work);
                if (trigger != null) {
                    work.add(OrderRequest.forCrossedLevel(p.userId(), trigger, p.positionId(), p.symbol(), clock.instant()));
                    marks.remove(p.positionId());
                    managed.closing(p);
                    it.remove(); // closed once, whatever later prices of the batch do
                    stops++;
                } else {
                    marks.put(p.positionId(), u);
                }
            }
            for (Iterator<Resting> it = w.resting().iterator(); it.hasNext(); ) {
                Resting r = it.next();
                OrderTicket order = r.order();
                if (r.book().fillIfCrossed(order, u.price())) {
                    work.add(OrderRequest.forLimitFill(order.userId(), order.clientOrderId(), order.symbol(),
                            clock.instant()));
                    it.remove();
                    fills++;
                }
            }
        }
        // Orders first, positions' exit state second: a batch redelivered after a crash between them enqueues the
        // same scale-outs again (the same order ids, so nothing twice), where the other way round would lose them.
        if (!work.isEmpty()) queues.enqueueOrders(work);
        managed.persist(openPositions);
        Map<PositionItem, PriceUpdate> marked = new LinkedHashMap<>();
        marks.forEach((id, u) -> marked.put(managed.byId(id), u));
        for (PriceListener l : listeners) {
            l.pricesChanged(updates);
            l.positionsMarked(marked);
        }
        return new Outcome(updates.size(), stops, fills, managed.scaleOuts);
    }

    /**
     * The batch's view of the positions it saw: each as first read, and for those with an exit plan, as its prices
     * moved their rungs and stops ({@link ExitRules}); written back once, after the batch's orders are queued.
     */
    private final class Managed {
        private final Map<String, PositionItem> read = new LinkedHashMap<>();
        private final Map<String, PositionItem> now = new LinkedHashMap<>();
        private final Map<String, PositionExits> plans = new HashMap<>();
        private int scaleOuts;

        PositionItem current(PositionItem p) {
            read.putIfAbsent(p.positionId(), p);
            return now.getOrDefault(p.positionId(), p);
        }

        PositionItem byId(String positionId) {
            return now.getOrDefault(positionId, read.get(positionId));
        }

        /** One price on a position with a plan: its scale-outs join {@code work}; a close of the rest is returned. */
        OrderTrigger step(PositionItem p, BigDecimal price, List<OrderRequest> work) {
            boolean isLong = Side.LONG.name().equals(p.side());
            PositionExits plan = plans.computeIfAbsent(p.positionId(), id -> PositionExits.read(p.exitPlan()));
            ExitRules.Step step = ExitRules.onPrice(plan, isLong, p.entryPrice(),
                    new ExitRules.State(p.rungs(), p.stopLoss()), price);
            for (int rung : step.scaleOuts()) {
                work.add(OrderRequest.forScaleOut(p.userId(), p.positionId(), rung, p.symbol(), clock.instant()));
                scaleOuts++;
            }
            now.put(p.positionId(), p.withExitState(step.next().rungsDone(), step.next().stop()));
            return step.close();
        }

        /** A position the batch closes: its exit state is not written (the close ends it). */
        void closing(PositionItem p) {
            now.remove(p.positionId());
            read.remove(p.positionId());
        }

        /**
         * Rungs reached and tighter stops, each a conditional write that never moves either backwards; the traders'
         * cached reads (positions) are invalidated after, so they show the new stop.
         */
        void persist(PositionRepository positions) {
            List<Runnable> writes = new ArrayList<>();
            Set<String> traders = new LinkedHashSet<>();
            now.forEach((id, after) -> {
                PositionItem before = read.get(id);
                if (after.rungs() > before.rungs()) writes.add(() -> positions.advanceRungs(after, after.rungs()));
                if (after.stopLoss() != null && !after.stopLoss().equals(before.stopLoss())) {
                    writes.add(() -> positions.tightenStop(after, after.stopLoss(), Side.LONG.name().equals(after.side())));
                }
                if (after.rungs() > before.rungs() || !Objects.equals(after.stopLoss(), before.stopLoss())) {
                    traders.add(after.userId());
                }
            });
            if (writes.isEmpty()) return;
            ParallelCalls.all(writes);
            traders.forEach(cache::invalidate);
        }
    }

    /** What a market's prices may act on: its open positions and resting limit orders (paper and live). */
    private record Watches(List<PositionItem> positions, List<Resting> resting) {}

    /** A resting order and the book (paper broker, live venues) that acts on it. */
    private record Resting(RestingOrders book, OrderTicket order) {}

    /**
     * Two index queries per market, all markets side by side: a batch costs its slowest market, not their sum. Only
     * markets NIJA trades are looked up: signals open positions and orders in no other, so nothing else can watch one.
     */
    private Map<String, Watches> watches(Collection<String> symbols) {
        Map<String, CompletableFuture<List<PositionItem>>> positions = new LinkedHashMap<>();
        Map<String, List<CompletableFuture<List<Resting>>>> restingOrders = new LinkedHashMap<>();
        Map<String, Watches> out = new HashMap<>();
        for (String s : symbols) {
            if (instruments.find(s).isEmpty()) {
                out.put(s, new Watches(new ArrayList<>(), new ArrayList<>()));
                continue;
            }
            positions.put(s, ParallelCalls.start(() -> openPositions.openOn(s)));
            restingOrders.put(s, books.stream().map(book -> ParallelCalls.start(() ->
                    book.resting(s).stream().map(o -> new Resting(book, o)).toList())).toList());
        }
        for (String s : positions.keySet()) {
            List<Resting> resting = new ArrayList<>();
            restingOrders.get(s).forEach(f -> resting.addAll(ParallelCalls.join(f)));
            out.put(s, new Watches(new ArrayList<>(ParallelCalls.join(positions.get(s))), resting));
        }
        return out;
    }

    /** The level the price crossed: stop-loss, take-profit, or null when neither. */
    static OrderTrigger crossed(PositionItem p, BigDecimal price) {
        boolean isLong = Side.LONG.name().equals(p.side());
        if (p.stopLoss() != null && (isLong ? price.compareTo(p.stopLoss()) <= 0 : price.compareTo(p.stopLoss()) >= 0)) {
            return OrderTrigger.STOP_LOSS;
        }
        if (p.takeProfit() != null && (isLong ? price.compareTo(p.takeProfit()) >= 0 : price.compareTo(p.takeProfit()) <= 0)) {
            return OrderTrigger.TAKE_PROFIT;
        }
        return null;
    }
}
