package com.nija.shared.livebroker;

import com.nija.shared.broker.Broker;
import com.nija.shared.broker.Fill;
import com.nija.shared.broker.OrderRef;
import com.nija.shared.broker.OrderTicket;
import com.nija.shared.broker.PaperBroker;
import com.nija.shared.broker.PreparedTicket;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The engine's broker: a ticket or order that names no venue is the paper broker's, one that names a venue is the
 * {@link LiveBroker}'s. Where an order goes is decided by the engine (the trader's mode, or the position's venue);
 * this only follows what the order says.
 */
@Primary
@Singleton
public class RoutingBroker implements Broker {
    private final PaperBroker paper;
    private final LiveBroker live;

    public RoutingBroker(PaperBroker paper, LiveBroker live) {
        this.paper = paper;
        this.live = live;
    }

    private Broker of(String venue) {
        return venue == null ? paper : live;
    }

    @Override
    public Fill place(OrderTicket ticket) {
        return of(ticket.venue()).place(ticket);
    }

    @Override
    public Optional<Fill> lookup(OrderRef order) {
        return of(order.venue()).lookup(order);
    }

    @Override
    public boolean cancel(OrderRef order) {
        return of(order.venue()).cancel(order);
    }

    @Override
    public PreparedTicket prepare(OrderTicket ticket, BigDecimal market) {
        return of(ticket.venue()).prepare(ticket, market);
    }

    @Override
    public BigDecimal expectedFillPrice(OrderTicket ticket, BigDecimal market) {
        return of(ticket.venue()).expectedFillPrice(ticket, market);
    }
}
