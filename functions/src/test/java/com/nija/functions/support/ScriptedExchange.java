package com.nija.functions.support;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.venues.KeyCheck;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueAccount;
import com.nija.shared.venues.VenueClient;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.VenueOrder;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small exchange in memory that answers for every venue, scripted per API key (by the key's id): what a key test
 * finds, what the account holds, or that the venue does not answer. It records the keys it was called with, so a
 * test can check that what was sealed opened to what the trader sent. It takes no orders: the routes and the
 * reconciliation tested with it never trade (contract tests of the real clients run against WireMock).
 */
public final class ScriptedExchange {
    /** What an unscripted key's test finds: it may read and trade, and not withdraw. */
    public static final KeyCheck TRADES = KeyCheck.of(List.of("view", "trade"), List.of(), List.of());

    private final Map<String, KeyCheck> checks = new ConcurrentHashMap<>();
    private final Map<String, VenueAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> silent = new ConcurrentHashMap<>();
    private final List<VenueCredentials> calledWith = new CopyOnWriteArrayList<>();

    /** One client per venue, all backed by this exchange. */
    public List<VenueClient> clients() {
        return Arrays.stream(Venue.values()).<VenueClient>map(Client::new).toList();
    }

    public ScriptedExchange keyCheck(String keyId, KeyCheck check) {
        checks.put(keyId, check);
        return this;
    }

    /** The key's account holds these balances (asset → quantity) and open orders. */
    public ScriptedExchange holds(String keyId, Map<String, String> balances, VenueAccount.OpenOrder... openOrders) {
        Map<String, BigDecimal> b = new java.util.HashMap<>();
        balances.forEach((asset, qty) -> b.put(asset, new BigDecimal(qty)));
        accounts.put(keyId, new VenueAccount(b, List.of(openOrders)));
        return this;
    }

    /** Every call with this key fails as a venue that cannot be reached does. */
    public ScriptedExchange unreachable(String keyId) {
        silent.put(keyId, true);
        return this;
    }

    /** The keys the exchange was called with, in order. */
    public List<VenueCredentials> calledWith() {
        return new ArrayList<>(calledWith);
    }

    private void answer(VenueCredentials key) {
        calledWith.add(key);
        if (silent.getOrDefault(key.keyId(), false)) {
            throw new BrokerException(BrokerException.Kind.NOT_PLACED, "could not connect to api."
                    + key.venue().wire() + ".example");
        }
    }

    private final class Client implements VenueClient {
        private final Venue venue;

        Client(Venue venue) {
            this.venue = venue;
        }

        @Override
        public Venue venue() {
            return venue;
        }

        @Override
        public KeyCheck check(VenueCredentials key) {
            answer(key);
            return checks.getOrDefault(key.keyId(), TRADES);
        }

        @Override
        public VenueAccount account(VenueCredentials key) {
            answer(key);
            return accounts.getOrDefault(key.keyId(), new VenueAccount(Map.of(), List.of()));
        }

        @Override
        public Fill place(VenueCredentials key, VenueOrder order) {
            throw new UnsupportedOperationException("the scripted exchange takes no orders");
        }

        @Override
        public Optional<Fill> lookup(VenueCredentials key, String venueSymbol, String clientOrderId) {
            throw new UnsupportedOperationException("the scripted exchange takes no orders");
        }

        @Override
        public boolean cancel(VenueCredentials key, String venueSymbol, String clientOrderId) {
            throw new UnsupportedOperationException("the scripted exchange takes no orders");
        }

        @Override
        public VenueRules rules(String venueSymbol) {
            throw new UnsupportedOperationException("the scripted exchange takes no orders");
        }
    }
}
