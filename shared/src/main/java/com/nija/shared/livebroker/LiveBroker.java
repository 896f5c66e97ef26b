package com.nija.shared.livebroker;

import com.nija.shared.broker.Broker;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.broker.OrderRef;
import com.nija.shared.broker.OrderTicket;
import com.nija.shared.broker.PreparedTicket;
import com.nija.shared.instruments.Instrument;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.venues.ClientOrderIds;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueClient;
import com.nija.shared.venues.VenueClients;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.VenueOrder;
import com.nija.shared.venues.VenueRateLimitedException;
import com.nija.shared.venues.VenueRules;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * The broker port for live tickets (those that name a venue). Per ticket: the market's symbol at the venue from the
 * instrument list, its rules through the {@link VenueRulesCache}, the size rounded down to the step and the limit to
 * the tick; an order below the venue's minimum size or notional is refused before anything is sent. Per call: the
 * trader's key is opened for that call only, one token of the key's rate limit is taken ({@code NOT_PLACED} when
 * none is left: the engine retries later, under the same client order id), and a venue's 429 blocks the key for the
 * time it asked. The venue sees our order id in its own format ({@link ClientOrderIds}); its answers are mapped back
 * to our id.
 */
@Singleton
public class LiveBroker implements Broker {
    private final VenueClients clients;
    private final TraderKeys keys;
    private final VenueRulesCache rules;
    private final VenueRateLimiter limiter;
    private final Instruments instruments;

    public LiveBroker(VenueClients clients, TraderKeys keys, VenueRulesCache rules, VenueRateLimiter limiter,
                      Instruments instruments) {
        this.clients = clients;
        this.keys = keys;
        this.rules = rules;
        this.limiter = limiter;
        this.instruments = instruments;
    }

    @Override
    public PreparedTicket prepare(OrderTicket ticket, BigDecimal market) {
        Venue venue = venue(ticket.venue());
        Optional<Instrument.VenueMarket> listed = instruments.find(ticket.symbol()).flatMap(i -> i.on(venue.wire()));
        if (listed.isEmpty()) return PreparedTicket.refused(ticket, ticket.symbol() + " is not traded on " + venue.wire());
        VenueRules r = rules.rules(venue, listed.get());
        BigDecimal limit = ticket.limitPrice() == null ? null : r.roundPrice(ticket.limitPrice(), ticket.side().buys());
        BigDecimal price = limit != null ? limit : market;
        BigDecimal asked = r.roundSize(ticket.quantity());
        BigDecimal held = r.roundSize(sellable(ticket, venue));
        // Less held than asked: sell what is held, if that is an order the venue takes. Holding (almost) nothing, the
        // order goes as asked and the venue answers (insufficient funds), so a claim made earlier is still resumed.
        BigDecimal quantity = held.compareTo(asked) < 0 && r.refusal(held, price).isEmpty() ? held : asked;
        Optional<String> refusal = r.refusal(quantity, price);
        return refusal.map(why -> PreparedTicket.refused(ticket, venue.wire() + ": " + why))
                .orElseGet(() -> PreparedTicket.ready(ticket.sized(quantity, limit)));
    }

    /**
     * A sell never asks for more of the coin than the venue holds for the trader: venues that take a buy's fee in the
     * coin bought (Binance without BNB, OKX, Alpaca) leave slightly less than the filled quantity the position
     * records, and a sell of the recorded quantity would be refused for insufficient funds on every retry. When the
     * balance cannot be read, the venue decides.
     */
    private BigDecimal sellable(OrderTicket ticket, Venue venue) {
        if (ticket.side().buys()) return ticket.quantity();
        Optional<String> base = instruments.find(ticket.symbol()).map(Instrument::base);
        if (base.isEmpty()) return ticket.quantity();
        try {
            BigDecimal held = withKey(ticket.userId(), venue, (client, key) -> client.account(key))
                    .balances().getOrDefault(base.get(), BigDecimal.ZERO);
            return held.min(ticket.quantity());
        } catch (BrokerException e) {
            return ticket.quantity();
        }
    }

    @Override
    public Fill place(OrderTicket ticket) {
        Venue venue = venue(ticket.venue());
        String venueSymbol = venueSymbol(venue, ticket.symbol());
        VenueOrder order = new VenueOrder(ticket.clientOrderId(), ClientOrderIds.forVenue(venue, ticket.clientOrderId()),
                venueSymbol, ticket.side(), ticket.orderType(), ticket.quantity(), ticket.limitPrice());
        return withKey(ticket.userId(), venue, (client, key) -> client.place(key, order)).forOrder(ticket.clientOrderId());
    }

    @Override
    public Optional<Fill> lookup(OrderRef ref) {
        Venue venue = venue(ref.venue());
        String venueSymbol = venueSymbol(venue, ref.symbol());
        String clientOrderId = ClientOrderIds.forVenue(venue, ref.orderId());
        return withKey(ref.userId(), venue, (client, key) -> client.lookup(key, venueSymbol, clientOrderId))
                .map(f -> f.forOrder(ref.orderId()));
    }

    @Override
    public boolean cancel(OrderRef ref) {
        Venue venue = venue(ref.venue());
        String venueSymbol = venueSymbol(venue, ref.symbol());
        String clientOrderId = ClientOrderIds.forVenue(venue, ref.orderId());
        return withKey(ref.userId(), venue, (client, key) -> client.cancel(key, venueSymbol, clientOrderId));
    }

    private interface KeyedCall<T> {
        T call(VenueClient client, VenueCredentials key);
    }

    /** One venue call with the trader's key, opened here and dropped after; within the key's rate limit. */
    private <T> T withKey(String userId, Venue venue, KeyedCall<T> call) {
        VenueCredentials key = keys.open(userId, venue).orElseThrow(() -> new BrokerException(
                BrokerException.Kind.REJECTED, "no " + venue.wire() + " key is connected"));
        Optional<Duration> wait = limiter.acquire(venue, key.keyId());
        if (wait.isPresent()) {
            // Our own share of the venue's limit is spent: as if the venue had said 429, without asking it.
            throw new VenueRateLimitedException("rate limit of " + venue.wire() + " key " + key.keyHint()
                    + " reached; next call in " + wait.get().toMillis() + " ms", wait.get());
        }
        try {
            return call.call(clients.client(venue), key);
        } catch (VenueRateLimitedException e) {
            limiter.backOff(venue, key.keyId(), e.retryAfter());
            throw e;
        }
    }

    private static Venue venue(String wire) {
        return Venue.parse(wire).orElseThrow(() -> new IllegalArgumentException("not a live venue: " + wire));
    }

    private String venueSymbol(Venue venue, String symbol) {
        return instruments.find(symbol).flatMap(i -> i.on(venue.wire())).map(Instrument.VenueMarket::symbol)
                .orElseThrow(() -> new BrokerException(BrokerException.Kind.REJECTED,
                        symbol + " is not traded on " + venue.wire()));
    }
}
