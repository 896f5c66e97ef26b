package com.nija.shared.engine;

import com.nija.shared.broker.Broker;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.broker.OrderRef;
import com.nija.shared.broker.OrderTicket;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The engine's orders at live venues, once the rules let one through: recorded SUBMITTED before the venue is called,
 * then settled with the venue's answer; asked for at the venue by whoever finds them SUBMITTED or RESTING later;
 * cancelled at the venue. What they share with paper orders (applying a fill to the books, resuming a recorded order,
 * counting broker errors) stays the {@link TradingEngine}'s.
 */
final class LiveOrders {
    /** What live orders need of the engine. */
    interface Engine {
        ExecutionResult applyFilled(OrderItem order, PositionItem closing);

        ExecutionResult resume(OrderItem order, boolean lastAttempt);

        void brokerFailed(String userId, BrokerException e);
    }

    /**
     * How long a SUBMITTED live order may still be on its way to the venue (the venue call's timeout, with margin for
     * the rate limiter and the key's decryption): a twin that finds it within this asks again later instead of placing
     * it. Below the queue's visibility timeout, so a redelivery after a crash never waits.
     */
    static final Duration IN_FLIGHT = Duration.ofSeconds(30);

    private final OrderRepository orders;
    private final Broker broker;
    private final BrokerErrorTracker brokerHealth;
    private final PositionLedger ledger;
    private final KillSwitch killSwitch;
    private final UserCache cache;
    private final List<TradeListener> listeners;
    private final Clock clock;
    private final Engine engine;

    LiveOrders(OrderRepository orders, Broker broker, BrokerErrorTracker brokerHealth, PositionLedger ledger,
               KillSwitch killSwitch, UserCache cache, List<TradeListener> listeners, Clock clock, Engine engine) {
        this.orders = orders;
        this.broker = broker;
        this.brokerHealth = brokerHealth;
        this.ledger = ledger;
        this.killSwitch = killSwitch;
        this.cache = cache;
        this.listeners = listeners;
        this.clock = clock;
        this.engine = engine;
    }

    /**
     * A live order: recorded SUBMITTED with its venue before the venue is called — the conditional write is also a
     * close's claim — so a crash, a timeout or a concurrent twin finds it and asks the venue before anything is placed
     * again, always under the same client order id.
     */
    ExecutionResult submit(OrderItem submitted, PositionItem closing, boolean lastAttempt, Long brokerErrors) {
        if (!orders.create(submitted)) {
            OrderItem existing = orders.find(submitted.userId(), submitted.orderId()).orElseThrow();
            return ExecutionResult.duplicateOf(engine.resume(existing, lastAttempt));
        }
        return send(submitted, closing, lastAttempt, brokerErrors);
    }

    /** Cancels a resting live order at its venue; what filled before the cancel is the trader's (the position holds it). */
    void cancel(OrderItem resting, String why) {
        OrderRef ref = refOf(resting);
        if (!broker.cancel(ref)) return;
        Optional<Fill> filledBefore = broker.lookup(ref).filter(f -> f.status() != Fill.Status.RESTING
                && f.quantity() != null && f.quantity().signum() > 0);
        if (filledBefore.isPresent()) {
            settle(resting, filledBefore.get(), null, true);
        } else {
            settled(resting, resting.withStatus(OrderStatus.CANCELLED, why), null, true);
        }
    }

    /**
     * Places a SUBMITTED order at its venue and records the answer. Rejected: FAILED with the venue's reason. Not
     * placed (refused connection, rate limit): retried later, FAILED on the last attempt. Unknown (no answer): retried
     * later and looked up first; never FAILED, since the venue may hold it.
     */
    private ExecutionResult send(OrderItem submitted, PositionItem closing, boolean lastAttempt,
                                        Long brokerErrors) {
        Fill fill;
        try {
            fill = broker.place(ticketOf(submitted));
        } catch (BrokerException e) {
            engine.brokerFailed(submitted.userId(), e);
            boolean failed = e.kind() == BrokerException.Kind.REJECTED
                    || (e.kind() == BrokerException.Kind.NOT_PLACED && lastAttempt);
            if (failed) return settled(submitted, submitted.withStatus(OrderStatus.FAILED, "broker: " + e.getMessage()),
                    closing, lastAttempt);
            LiveOrderAudit.record(submitted, e.kind().name());
            return ExecutionResult.pending(submitted, "venue " + e.kind() + ": " + e.getMessage());
        }
        brokerHealth.succeeded(submitted.userId(), brokerErrors);
        return settle(submitted, fill, closing, lastAttempt);
    }

    /** The venue's answer for a live order (SUBMITTED or RESTING until now), recorded and applied. */
    private ExecutionResult settle(OrderItem order, Fill fill, PositionItem closing, boolean lastAttempt) {
        BigDecimal asked = order.quantity();
        OrderItem next;
        if (fill.status() == Fill.Status.RESTING) {
            next = order.withExecution(OrderStatus.RESTING, order.positionId(), asked, null, null, null)
                    .withVenueAnswer(fill.venueOrderId(), asked, Keys.liveResting(order.symbol()));
        } else if (fill.quantity() == null || fill.quantity().signum() <= 0) {
            next = endedUnfilled(order).withVenueAnswer(fill.venueOrderId(), asked, null);
        } else {
            String positionId = order.intent() == OrderIntent.OPEN ? order.orderId() : order.positionId();
            next = order.withExecution(OrderStatus.FILLED, positionId, fill.quantity(), fill.price(), fill.fee(), fill.at())
                    .withVenueAnswer(fill.venueOrderId(), asked, null);
        }
        return settled(order, next, closing, lastAttempt);
    }

    /**
     * The venue ended the order with nothing filled (Kraken answers a cancelled or expired order so: done, nothing
     * executed; other venues refuse it): no fill, no position. An order just placed FAILED, as when a venue refuses it;
     * one that was resting was cancelled at the venue. Either way a close gives its claim back.
     */
    private static OrderItem endedUnfilled(OrderItem order) {
        return order.status() == OrderStatus.RESTING
                ? order.withStatus(OrderStatus.CANCELLED, order.venue() + " ended the resting order with nothing filled")
                : order.withStatus(OrderStatus.FAILED, "ended at " + order.venue() + " with nothing filled");
    }

    /** Records {@code next} if {@code order} is still as read; applies a fill; the audit hears of every outcome. */
    private ExecutionResult settled(OrderItem order, OrderItem next, PositionItem closing, boolean lastAttempt) {
        if (releasesCloseClaim(next)) return releaseCloseClaim(order, next);
        if (!next.equals(order) && !orders.transition(next, order.status())) {
            // Another attempt recorded the venue's answer first: carry on from what it recorded.
            return engine.resume(orders.find(order.userId(), order.orderId()).orElseThrow(), lastAttempt);
        }
        LiveOrderAudit.record(next, next.status().name());
        cache.invalidate(next.userId());
        if (next.status() == OrderStatus.RESTING) {
            listeners.forEach(l -> l.recorded(next));
            return stillResting(next, lastAttempt);
        }
        if (next.status() != OrderStatus.FILLED) {
            listeners.forEach(l -> l.recorded(next));
            return ExecutionResult.done(next);
        }
        PositionItem position = closing != null || next.intent() != OrderIntent.CLOSE ? closing
                : ledger.position(next.userId(), next.positionId()).orElse(null);
        return engine.applyFilled(next, position);
    }

    /** A live close that filled nothing must not keep its position's close id, or the position could never close. */
    private static boolean releasesCloseClaim(OrderItem outcome) {
        return outcome.intent() == OrderIntent.CLOSE
                && (outcome.status() == OrderStatus.FAILED || outcome.status() == OrderStatus.CANCELLED)
                && !outcome.orderId().equals(OrderIds.of(outcome.signalId(), outcome.userId()));
    }

    /**
     * Records a close that placed or filled nothing under its request's own id (as a failed paper close is) and gives
     * the position's claim back under a new close id (the venue keeps the ended order under the old one). Recorded first, released second: a crash between them leaves the claim, whose
     * redelivery asks the venue again, rather than an outcome nobody recorded.
     */
    private ExecutionResult releaseCloseClaim(OrderItem claim, OrderItem outcome) {
        OrderItem moved = outcome.withOrderId(OrderIds.of(outcome.signalId(), outcome.userId()));
        orders.create(moved); // false on a retry that got this far before
        ledger.retireCloseId(claim.userId(), claim.positionId(), claim.orderId());
        orders.release(claim, claim.status());
        LiveOrderAudit.record(moved, moved.status().name());
        cache.invalidate(moved.userId());
        listeners.forEach(l -> l.recorded(moved));
        return ExecutionResult.done(moved);
    }

    /**
     * A live order accepted but not filled. A market order fills within moments: its message is delivered again
     * (the trader's queue waits, as their next order may need this position) until its last attempt. A limit order
     * may rest for days: it is done here, and a price that crosses it has its fill looked up (the open-by-symbol index).
     */
    private static ExecutionResult stillResting(OrderItem order, boolean lastAttempt) {
        if (order.orderType() == OrderType.MARKET && !lastAttempt) {
            return ExecutionResult.pending(order, "market order " + order.orderId() + " is not filled yet at "
                    + order.venue());
        }
        return ExecutionResult.done(order);
    }

    /**
     * A live order recorded SUBMITTED whose outcome this attempt does not know (a crash, a timeout, a twin that got
     * there first): the venue is asked by client order id. Found: its fill is applied. Not found: placed again under
     * the same id — unless it was submitted so recently that its first attempt may still be on its way (a concurrent
     * twin waits and asks again), or, for a new position, the kill switch was engaged meanwhile.
     */
    ExecutionResult resumeSubmitted(OrderItem order, boolean lastAttempt) {
        Optional<Fill> found;
        try {
            found = broker.lookup(refOf(order));
        } catch (BrokerException e) {
            LiveOrderAudit.record(order, "LOOKUP_" + e.kind().name());
            return ExecutionResult.pending(order, "cannot tell whether order " + order.orderId() + " was placed at "
                    + order.venue() + ": " + e.getMessage());
        }
        if (found.isPresent()) return settle(order, found.get(), null, lastAttempt);
        if (order.submittedAt() != null && clock.instant().isBefore(order.submittedAt().plus(IN_FLIGHT))) {
            return ExecutionResult.pending(order, "order " + order.orderId() + " is being placed at " + order.venue());
        }
        if (order.intent() == OrderIntent.OPEN) {
            Optional<String> halted = killSwitch.engaged();
            if (halted.isPresent()) {
                return settled(order, order.withStatus(OrderStatus.REFUSED, "kill switch engaged: " + halted.get()),
                        null, lastAttempt);
            }
        }
        return send(order, null, lastAttempt, null);
    }

    /** A live order resting at its venue: asked for again (its message redelivered, or a price crossed it). */
    ExecutionResult followUp(OrderItem order, boolean lastAttempt) {
        Optional<Fill> found;
        try {
            found = broker.lookup(refOf(order));
        } catch (BrokerException e) {
            return ExecutionResult.pending(order, "cannot read order " + order.orderId() + " at " + order.venue()
                    + ": " + e.getMessage());
        }
        if (found.isEmpty()) {
            return settled(order, order.withStatus(OrderStatus.CANCELLED, order.venue() + " no longer has the order"),
                    null, lastAttempt);
        }
        if (found.get().status() == Fill.Status.RESTING) return stillResting(order, lastAttempt);
        return settle(order, found.get(), null, lastAttempt);
    }

    /** The order at its broker (the paper broker when it names no venue). */
    static OrderRef refOf(OrderItem order) {
        return new OrderRef(order.userId(), order.venue(), order.symbol(), order.orderId());
    }

    /** A recorded live order as its venue gets it again (same id, size and limit as first sent). */
    private static OrderTicket ticketOf(OrderItem order) {
        return new OrderTicket(order.orderId(), order.userId(), order.symbol(), order.side(), order.orderType(),
                order.quantity(), order.limitPrice(), order.venue());
    }
}
