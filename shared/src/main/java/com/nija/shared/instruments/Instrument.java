package com.nija.shared.instruments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A market the platform trades: its canonical symbol ({@code BTC-USD}), the paper broker's order rules, and each venue's
 * own symbol and rules (keyed by venue: coinbase, kraken, okx, binance, alpaca). A venue that does not list the market
 * has no entry.
 */
public record Instrument(String symbol, String base, String quote, BigDecimal minSize, BigDecimal sizeStep,
                         BigDecimal tick, BigDecimal minNotional, Map<String, VenueMarket> venues) {

    public Instrument {
        venues = venues == null ? Map.of() : Map.copyOf(venues);
    }

    /** A market as one venue names it, with that venue's order rules; {@code aliases}: other names it answers to. */
    public record VenueMarket(String symbol, List<String> aliases, BigDecimal minSize, BigDecimal sizeStep,
                              BigDecimal tick, BigDecimal minNotional) {
        public VenueMarket {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    public Optional<VenueMarket> on(String venue) {
        return Optional.ofNullable(venues.get(venue));
    }

    /** A market known only by its symbol (registered locally), with permissive paper rules and no venue. */
    static Instrument paperOnly(String symbol) {
        String[] parts = symbol.split("-", 2);
        BigDecimal tiny = new BigDecimal("0.00000001");
        return new Instrument(symbol, parts[0], parts[1], tiny, tiny, tiny, BigDecimal.ZERO, Map.of());
    }
}
