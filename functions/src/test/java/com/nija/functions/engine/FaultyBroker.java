package com.nija.functions.engine;

import com.nija.shared.broker.Broker;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.broker.OrderRef;
import com.nija.shared.broker.OrderTicket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real paper broker behind a switch that makes the next {@code place} calls fail the ways real brokers do:
 * refused before anything happened, rejected, or timed out after the order was in fact placed (then it answers
 * lookups for that order as a remote exchange would).
 */
final class FaultyBroker implements Broker {
    enum Fault {
        /** Connection refused / 503 before acceptance: nothing placed. */
        NOT_PLACED,
        /** The broker refuses the order: nothing placed, retrying would be refused again. */
        REJECTED,
        /** The order reaches the broker, then the answer times out. */
        UNKNOWN_AFTER_PLACING
    }

    private final Broker real;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final AtomicInteger placeCalls = new AtomicInteger();
    private final AtomicInteger reachedBroker = new AtomicInteger();
    private final Map<String, Fill> lost = new ConcurrentHashMap<>();

    FaultyBroker(Broker real) {
        this.real = real;
    }

    /** The next {@code place} calls fail with these faults, in order; later ones succeed. */
    FaultyBroker failNext(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    /** How often the engine called {@code place}. */
    int placeCalls() {
        return placeCalls.get();
    }

    /** How often a {@code place} reached the real broker. */
    int reachedBroker() {
        return reachedBroker.get();
    }

    @Override
    public Fill place(OrderTicket ticket) {
        placeCalls.incrementAndGet();
        Fault fault = faults.poll();
        if (fault == Fault.NOT_PLACED) {
            throw new BrokerException(BrokerException.Kind.NOT_PLACED, "connection refused");
        }
        if (fault == Fault.REJECTED) {
            throw new BrokerException(BrokerException.Kind.REJECTED, "insufficient margin");
        }
        reachedBroker.incrementAndGet();
        Fill fill = real.place(ticket);
        if (fault == Fault.UNKNOWN_AFTER_PLACING) {
            // A remote exchange keeps what it accepted even when the answer is lost (the paper broker keeps an
            // immediate fill only through the engine's order record, which a lost answer never reaches).
            lost.put(ticket.clientOrderId(), fill);
            throw new BrokerException(BrokerException.Kind.UNKNOWN, "read timed out after 10 s");
        }
        return fill;
    }

    @Override
    public Optional<Fill> lookup(OrderRef order) {
        Fill accepted = lost.get(order.orderId());
        return accepted != null ? Optional.of(accepted) : real.lookup(order);
    }

    @Override
    public boolean cancel(OrderRef order) {
        return real.cancel(order);
    }
}
