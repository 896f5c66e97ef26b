package com.nija.local.bench;

import com.nija.shared.venues.NonceSource;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueClient;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.alpaca.AlpacaClient;
import com.nija.shared.venues.binance.BinanceClient;
import com.nija.shared.venues.coinbase.CoinbaseClient;
import com.nija.shared.venues.kraken.KrakenClient;
import com.nija.shared.venues.okx.OkxClient;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The five venue clients built as {@code VenueClientFactory} builds them in the executor's context: one shared
 * {@link VenueHttp}, the base URLs from {@code NIJA_BROKER_<VENUE>[_SANDBOX]_BASE_URL}, the context's clock, Kraken's
 * nonce source, and Alpaca's rules from the instrument list (which the benchmark never asks for: none listed here).
 */
final class BrokerClients {
    private BrokerClients() {}

    static Map<Venue, VenueClient> build(VenueHttp http, Map<String, String> processEnv, Clock clock,
                                         NonceSource krakenNonces) {
        Map<String, String> env = baseUrls(processEnv);
        Map<Venue, VenueClient> clients = new EnumMap<>(Venue.class);
        clients.put(Venue.COINBASE, new CoinbaseClient(http, env, clock));
        clients.put(Venue.KRAKEN, new KrakenClient(http, env, clock, krakenNonces));
        clients.put(Venue.OKX, new OkxClient(http, env, clock));
        clients.put(Venue.BINANCE, new BinanceClient(http, env, clock));
        clients.put(Venue.ALPACA, new AlpacaClient(http, env, clock, symbol -> Optional.empty()));
        return clients;
    }

    /** The base-URL variables the factory reads, for live and sandbox keys of every venue. */
    static Map<String, String> baseUrls(Map<String, String> processEnv) {
        Map<String, String> env = new HashMap<>();
        for (Venue venue : Venue.values()) {
            for (String variable : new String[] {variable(venue, false), variable(venue, true)}) {
                String url = processEnv.get(variable);
                if (url != null) env.put(variable, url);
            }
        }
        return env;
    }

    static String variable(Venue venue, boolean sandbox) {
        return "NIJA_BROKER_" + venue.name() + (sandbox ? "_SANDBOX" : "") + "_BASE_URL";
    }
}
