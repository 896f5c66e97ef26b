package com.nija.shared.venues;

import com.nija.shared.cache.RedisGateway;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.venues.alpaca.AlpacaClient;
import com.nija.shared.venues.binance.BinanceClient;
import com.nija.shared.venues.coinbase.CoinbaseClient;
import com.nija.shared.venues.kraken.KrakenClient;
import com.nija.shared.venues.kraken.RedisNonceSource;
import com.nija.shared.venues.okx.OkxClient;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The five venue clients, sharing one HTTP client. Base URLs come from {@code NIJA_BROKER_<VENUE>[_SANDBOX]_BASE_URL}
 * in the process environment, or the same as properties ({@code nija.broker.<venue>[.sandbox].base-url}, what the
 * local platform and tests set); unset, each venue's documented URL.
 */
@Factory
public class VenueClientFactory {

    @Singleton
    VenueHttp venueHttp() {
        return VenueHttp.standard();
    }

    @Singleton
    VenueClient coinbase(VenueHttp http, Environment environment, Clock clock) {
        return new CoinbaseClient(http, baseUrls(System.getenv(), environment), clock);
    }

    @Singleton
    VenueClient kraken(VenueHttp http, Environment environment, Clock clock, RedisGateway redis) {
        return new KrakenClient(http, baseUrls(System.getenv(), environment), clock, new RedisNonceSource(redis, clock));
    }

    @Singleton
    VenueClient okx(VenueHttp http, Environment environment, Clock clock) {
        return new OkxClient(http, baseUrls(System.getenv(), environment), clock);
    }

    @Singleton
    VenueClient binance(VenueHttp http, Environment environment, Clock clock) {
        return new BinanceClient(http, baseUrls(System.getenv(), environment), clock);
    }

    @Singleton
    VenueClient alpaca(VenueHttp http, Environment environment, Clock clock, Instruments instruments) {
        return new AlpacaClient(http, baseUrls(System.getenv(), environment), clock,
                symbol -> listed(instruments, Venue.ALPACA, symbol));
    }

    /** The instrument list's rules for {@code venueSymbol} at {@code venue} (for venues with no public rules endpoint). */
    static Optional<VenueRules> listed(Instruments instruments, Venue venue, String venueSymbol) {
        return instruments.all().stream()
                .flatMap(i -> i.on(venue.wire()).stream())
                .filter(m -> m.symbol().equals(venueSymbol) || m.aliases().contains(venueSymbol))
                .findFirst()
                .map(m -> new VenueRules(m.symbol(), m.minSize(), m.sizeStep(), m.tick(), m.minNotional()));
    }

    static Map<String, String> baseUrls(Map<String, String> processEnv, Environment environment) {
        Map<String, String> env = new HashMap<>();
        for (Venue venue : Venue.values()) {
            for (boolean sandbox : new boolean[] {false, true}) {
                String variable = "NIJA_BROKER_" + venue.name() + (sandbox ? "_SANDBOX" : "") + "_BASE_URL";
                String property = "nija.broker." + venue.wire() + (sandbox ? ".sandbox" : "") + ".base-url";
                Optional.ofNullable(processEnv.get(variable))
                        .or(() -> environment.getProperty(property, String.class))
                        .ifPresent(url -> env.put(variable, url));
            }
        }
        return env;
    }
}
