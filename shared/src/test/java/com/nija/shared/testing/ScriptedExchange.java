package com.nija.shared.testing;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.order.OrderType;
import com.nija.shared.venues.KeyCheck;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueAccount;
import com.nija.shared.venues.VenueClient;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.VenueOrder;
import com.nija.shared.venues.VenueRateLimitedException;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An exchange in memory behind the {@link VenueClient} port, for tests of what NIJA does with a venue's answers. Like a
 * real venue it keeps every order it accepted by client order id and never makes a second order of one id (placing
 * it again answers with the first), fills market orders at the symbol's mark price with a 10 bps fee, and keeps
 * limit orders that do not cross resting. A script makes the next calls go the ways real venues go: no answer after
 * placing (or before), a rejection, a 429, a partial fill, an order left resting, a process that dies mid-call.
 * Everything it was asked is counted, and it remembers which key ids called it. Thread-safe.
 */
public final class ScriptedExchange implements VenueClient {
    private static final BigDecimal FEE_BPS = new BigDecimal("10");

    /** What the next {@code place} call does. */
    public sealed interface Step permits Fills, TimesOut, Rejects, RateLimits, NotPlaced, FillsPart, Rests, Dies,
            EndsUnfilled {}

    /** Accepted and answered as the book goes (the default). */
    public record Fills() implements Step {}

    /** No answer: {@code placedFirst} says whether the order reached the book before the answer was lost. */
    public record TimesOut(boolean placedFirst) implements Step {}

    public record Rejects(String reason) implements Step {}

    public record RateLimits(Duration retryAfter) implements Step {}

    /** Refused before acceptance (connection refused, 503): nothing placed. */
    public record NotPlaced() implements Step {}

    /** Fills {@code fraction} of the order, then cancels the rest (an IOC market order against a thin book). */
    public record FillsPart(BigDecimal fraction) implements Step {}

    /**
     * Accepted, then ended at the venue with nothing filled (an IOC order against an empty book, an expired order),
     * answered as Kraken answers it: {@code PARTIALLY_FILLED} (done) with nothing executed, at price 0.
     */
    public record EndsUnfilled() implements Step {}

    /** Accepted and left resting, even a market order (accepted, not yet executed). */
    public record Rests() implements Step {}

    /** The calling process dies (a crash, not a venue answer): {@code placedFirst} after the order reached the book. */
    public record Dies(boolean placedFirst) implements Step {}

    /** What a process crash looks like from the caller: not a venue error at all. */
    public static final class ProcessDied extends RuntimeException {
        ProcessDied() {
            super("the executor died mid-call");
        }
    }

    private static final class Order {
        final VenueOrder sent;
        final String venueOrderId;
        String keyId;
        Fill.Status status;
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal price;
        BigDecimal fee;
        boolean cancelled;

        Order(VenueOrder sent, String venueOrderId) {
            this.sent = sent;
            this.venueOrderId = venueOrderId;
        }
    }

    private final Venue venue;
    private final Clock clock;
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Deque<Step> script = new ArrayDeque<>();
    private final Map<String, BigDecimal> marks = new HashMap<>();
    private final Map<String, VenueRules> rules = new HashMap<>();
    /** What each key's owner holds at the venue, per asset (BTC): buys add what filled, sells take it away. */
    private final Map<String, Map<String, BigDecimal>> holdings = new HashMap<>();
    /** Markets of the test's own (not in the instrument list): venue symbol to base asset. */
    private final Map<String, String> bases = new HashMap<>();
    private static final com.nija.shared.instruments.Instruments LISTED = new com.nija.shared.instruments.Instruments();
    private final List<String> keyIds = new ArrayList<>();
    private final List<VenueOrder> sent = new ArrayList<>();
    private int placeCalls;
    private int lookupCalls;
    private int cancelCalls;
    private int rulesCalls;
    private boolean rulesUnreachable;
    private BrokerException nextLookupFailure;

    public ScriptedExchange(Venue venue, Clock clock) {
        this.venue = venue;
        this.clock = clock;
    }

    @Override
    public Venue venue() {
        return venue;
    }

    // --- the script -------------------------------------------------------------------------------------------

    /** The next {@code place} calls go these ways, in order; later ones fill. */
    public synchronized ScriptedExchange next(Step... steps) {
        script.addAll(List.of(steps));
        return this;
    }

    /** The price market orders on {@code venueSymbol} fill at. */
    public synchronized ScriptedExchange mark(String venueSymbol, String price) {
        marks.put(venueSymbol, new BigDecimal(price));
        return this;
    }

    /** What {@link #rules} answers for {@code venueSymbol}. */
    public synchronized ScriptedExchange rules(VenueRules published) {
        rules.put(published.venueSymbol(), published);
        return this;
    }

    /** The owner of {@code keyId} holds {@code quantity} of {@code asset} here (bought before, or outside NIJA). */
    public synchronized ScriptedExchange holds(String keyId, String asset, String quantity) {
        holdings.computeIfAbsent(keyId, k -> new HashMap<>()).put(asset, new BigDecimal(quantity));
        return this;
    }

    /** A market of the test's own: {@code venueSymbol} trades {@code baseAsset}. */
    public synchronized ScriptedExchange lists(String venueSymbol, String baseAsset) {
        bases.put(venueSymbol, baseAsset);
        return this;
    }

    /** The public product endpoint does not answer (until called with false). */
    public synchronized ScriptedExchange rulesUnreachable(boolean unreachable) {
        rulesUnreachable = unreachable;
        return this;
    }

    /** The next look-up fails this way. */
    public synchronized ScriptedExchange failNextLookup(BrokerException.Kind kind) {
        nextLookupFailure = new BrokerException(kind, "lookup " + kind.name().toLowerCase());
        return this;
    }

    /** The venue fills a resting order at its limit (or the mark, for a market order), as its book moves. */
    public synchronized void fillResting(String clientOrderId) {
        Order o = orders.get(clientOrderId);
        if (o == null || o.status != Fill.Status.RESTING || o.cancelled) throw new IllegalStateException("not resting");
        BigDecimal price = o.sent.limitPrice() != null ? o.sent.limitPrice() : marks.get(o.sent.venueSymbol());
        fill(o, o.sent.quantity(), price, Fill.Status.FILLED);
    }

    /** The venue ends a resting order itself (it expired, or was cancelled outside NIJA): done with what filled. */
    public synchronized void endResting(String clientOrderId) {
        Order o = orders.get(clientOrderId);
        if (o == null || o.status != Fill.Status.RESTING || o.cancelled) throw new IllegalStateException("not resting");
        o.cancelled = true;
    }

    /** The venue fills part of a resting order, which keeps resting for the rest. */
    public synchronized void fillRestingPart(String clientOrderId, String quantity) {
        Order o = orders.get(clientOrderId);
        if (o == null || o.status != Fill.Status.RESTING || o.cancelled) throw new IllegalStateException("not resting");
        BigDecimal price = o.sent.limitPrice() != null ? o.sent.limitPrice() : marks.get(o.sent.venueSymbol());
        fill(o, new BigDecimal(quantity), price, Fill.Status.RESTING);
    }

    // --- what the tests read ---------------------------------------------------------------------------------

    /** Orders in the book: one per client order id, however often it was placed. */
    public synchronized int orders() {
        return orders.size();
    }

    /** The orders in the book, as they were sent. */
    public synchronized List<VenueOrder> book() {
        return orders.values().stream().map(o -> o.sent).toList();
    }

    /** Every {@code place} call as it arrived, duplicates included. */
    public synchronized List<VenueOrder> placements() {
        return List.copyOf(sent);
    }

    public synchronized int placeCalls() {
        return placeCalls;
    }

    public synchronized int lookupCalls() {
        return lookupCalls;
    }

    public synchronized int cancelCalls() {
        return cancelCalls;
    }

    public synchronized int rulesCalls() {
        return rulesCalls;
    }

    /** Calls that needed a key (place, look up, cancel). */
    public synchronized int keyedCalls() {
        return placeCalls + lookupCalls + cancelCalls;
    }

    /** The key id of every keyed call, in order. */
    public synchronized List<String> keyIds() {
        return List.copyOf(keyIds);
    }

    // --- the port ---------------------------------------------------------------------------------------------

    @Override
    public synchronized Fill place(VenueCredentials key, VenueOrder order) {
        placeCalls++;
        keyIds.add(key.keyId());
        sent.add(order);
        Step step = script.isEmpty() ? new Fills() : script.poll();
        Order existing = orders.get(order.clientOrderId());
        if (existing != null) return fillOf(existing); // a venue deduplicates on the client order id
        if (step instanceof Rejects r) throw new BrokerException(BrokerException.Kind.REJECTED, r.reason());
        if (step instanceof RateLimits r) throw new VenueRateLimitedException("429 too many requests", r.retryAfter());
        if (step instanceof NotPlaced) throw new BrokerException(BrokerException.Kind.NOT_PLACED, "503 before acceptance");
        if (step instanceof TimesOut t && !t.placedFirst()) {
            throw new BrokerException(BrokerException.Kind.UNKNOWN, "no answer within 4000 ms");
        }
        if (step instanceof Dies d && !d.placedFirst()) throw new ProcessDied();
        Order o = new Order(order, venue.wire() + "-" + (orders.size() + 1));
        o.keyId = key.keyId();
        orders.put(order.clientOrderId(), o);
        BigDecimal mark = marks.get(order.venueSymbol());
        boolean crosses = order.orderType() == OrderType.MARKET || (mark != null
                && (order.side().buys() ? mark.compareTo(order.limitPrice()) <= 0 : mark.compareTo(order.limitPrice()) >= 0));
        BigDecimal price = order.orderType() == OrderType.MARKET ? mark
                : (mark != null && crosses ? (order.side().buys() ? mark.min(order.limitPrice()) : mark.max(order.limitPrice()))
                : order.limitPrice());
        if (step instanceof EndsUnfilled) {
            o.status = Fill.Status.PARTIALLY_FILLED;
            o.price = BigDecimal.ZERO;
            o.fee = BigDecimal.ZERO;
        } else if (step instanceof Rests || !crosses) {
            o.status = Fill.Status.RESTING;
        } else if (step instanceof FillsPart p) {
            BigDecimal part = order.quantity().multiply(p.fraction()).setScale(8, RoundingMode.DOWN);
            fill(o, part, price, Fill.Status.PARTIALLY_FILLED);
        } else {
            fill(o, order.quantity(), price, Fill.Status.FILLED);
        }
        if (step instanceof TimesOut) {
            throw new BrokerException(BrokerException.Kind.UNKNOWN, "no answer within 4000 ms");
        }
        if (step instanceof Dies) throw new ProcessDied();
        return fillOf(o);
    }

    @Override
    public synchronized Optional<Fill> lookup(VenueCredentials key, String venueSymbol, String clientOrderId) {
        lookupCalls++;
        keyIds.add(key.keyId());
        if (nextLookupFailure != null) {
            BrokerException failure = nextLookupFailure;
            nextLookupFailure = null;
            throw failure;
        }
        return Optional.ofNullable(orders.get(clientOrderId)).map(this::fillOf);
    }

    @Override
    public synchronized boolean cancel(VenueCredentials key, String venueSymbol, String clientOrderId) {
        cancelCalls++;
        keyIds.add(key.keyId());
        Order o = orders.get(clientOrderId);
        if (o == null || o.status != Fill.Status.RESTING || o.cancelled) return false;
        o.cancelled = true;
        return true;
    }

    @Override
    public KeyCheck check(VenueCredentials key) {
        return KeyCheck.of(List.of("trade"), List.of(), List.of());
    }

    @Override
    public synchronized VenueRules rules(String venueSymbol) {
        rulesCalls++;
        if (rulesUnreachable) throw new BrokerException(BrokerException.Kind.NOT_PLACED, "connection refused");
        return rules.getOrDefault(venueSymbol, new VenueRules(venueSymbol, new BigDecimal("0.0001"),
                new BigDecimal("0.0001"), new BigDecimal("0.01"), new BigDecimal("1")));
    }

    @Override
    public synchronized VenueAccount account(VenueCredentials key) {
        List<VenueAccount.OpenOrder> open = orders.values().stream()
                .filter(o -> o.status == Fill.Status.RESTING && !o.cancelled)
                .map(o -> new VenueAccount.OpenOrder(o.sent.clientOrderId(), o.venueOrderId, o.sent.venueSymbol(),
                        o.sent.side(), o.sent.quantity(), o.filled, o.sent.limitPrice()))
                .toList();
        Map<String, BigDecimal> balances = new HashMap<>();
        holdings.getOrDefault(key.keyId(), Map.of())
                .forEach((asset, held) -> { if (held.signum() > 0) balances.put(asset, held); });
        return new VenueAccount(balances, open);
    }

    private void fill(Order o, BigDecimal quantity, BigDecimal price, Fill.Status status) {
        if (price == null) throw new IllegalStateException("no mark price for " + o.sent.venueSymbol());
        BigDecimal more = quantity.subtract(o.filled);
        baseOf(o.sent.venueSymbol()).ifPresent(asset -> holdings.computeIfAbsent(o.keyId, k -> new HashMap<>())
                .merge(asset, o.sent.side().buys() ? more : more.negate(), BigDecimal::add));
        o.filled = quantity;
        o.price = price;
        o.fee = quantity.multiply(price).multiply(FEE_BPS).movePointLeft(4).setScale(2, RoundingMode.HALF_UP);
        o.status = status;
    }

    private Optional<String> baseOf(String venueSymbol) {
        if (bases.containsKey(venueSymbol)) return Optional.of(bases.get(venueSymbol));
        return LISTED.all().stream().filter(i -> i.on(venue.wire())
                        .filter(m -> m.symbol().equals(venueSymbol) || m.aliases().contains(venueSymbol)).isPresent())
                .map(com.nija.shared.instruments.Instrument::base).findFirst();
    }

    /** The order as the venue reports it: a cancelled one reports what filled before, as done. */
    private Fill fillOf(Order o) {
        Fill.Status status = o.cancelled ? Fill.Status.PARTIALLY_FILLED : o.status;
        BigDecimal quantity = status == Fill.Status.RESTING ? o.sent.quantity() : o.filled;
        return new Fill(o.sent.clientOrderId(), status, quantity, o.price, o.fee, clock.instant(), o.venueOrderId);
    }
}
