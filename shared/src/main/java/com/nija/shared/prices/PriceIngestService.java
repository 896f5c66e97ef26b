package com.nija.shared.prices;

import com.nija.shared.broker.OrderTicket;
import com.nija.shared.broker.RestingOrders;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Records latest prices and acts on them: open positions whose stop-loss or take-profit the price crossed are
 * closed, resting limit orders it crossed are filled (paper) or have their fill looked up (live venues). All are
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

    public PriceIngestService(PriceBook prices, PositionRepository positions, List<RestingOrders> books,
                              WorkQueues queues, Clock clock, List<PriceListener> listeners, SignalAuthenticator auth,
                              Instruments instruments, SourceRateLimits limits) {
        this.limits = limits;
        this.prices = prices;
        this.openPositions = positions;
        this.books = books;
        this.queues = queues;
        this.clock = clock;
        this.listeners = listeners;
        this.auth = auth;
        this.instruments = instruments;
    }

    /** Counts of what a batch of prices triggered. */
    public record Outcome(int prices, int stopsAndTargets, int limitFills) {}

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
        return new Accepted(ingest(PriceBatchParser.parse(rawBody, now)), quota);
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
        Map<PositionItem, PriceUpdate> marks = new LinkedHashMap<>();
        int stops = 0;
        int fills = 0;
        for (PriceUpdate u : updates) {
            Watches w = watches.get(u.symbol());
            for (Iterator<PositionItem> it = w.positions().iterator(); it.hasNext(); ) {
                PositionItem p = it.next();
                OrderTrigger trigger = crossed(p, u.price());
                if (trigger != null) {
                    work.add(OrderRequest.forCrossedLevel(p.userId(), trigger, p.positionId(), p.symbol(), clock.instant()));
                    marks.remove(p);
                    it.remove(); // closed once, whatever later prices of the batch do
                    stops++;
                } else {
                    marks.put(p, u);
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
        if (!work.isEmpty()) queues.enqueueOrders(work);
        for (PriceListener l : listeners) {
            l.pricesChanged(updates);
            l.positionsMarked(marks);
        }
        return new Outcome(updates.size(), stops, fills);
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
