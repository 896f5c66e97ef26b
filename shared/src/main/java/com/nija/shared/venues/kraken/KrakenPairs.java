package com.nija.shared.venues.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A pair's order rules from Kraken's public AssetPairs (docs.kraken.com, Get Tradable Asset Pairs): {@code ordermin}
 * (smallest size, base), {@code lot_decimals} (size step 10^-n), {@code tick_size} (price step; older answers give only
 * {@code pair_decimals}, 10^-n) and {@code costmin} (smallest notional, quote; zero when absent). The answer is keyed
 * by Kraken's pair id ({@code XXBTZUSD} for {@code XBTUSD}), so the pair is found by id, altname or wsname.
 */
final class KrakenPairs {
    private static final int MAX_DECIMALS = 18;

    private KrakenPairs() {}

    static VenueRules rules(JsonNode result, String venueSymbol) {
        if (!result.isObject()) throw KrakenNumbers.malformed("pairs are not an object");
        JsonNode pair = null;
        for (Map.Entry<String, JsonNode> e : result.properties()) {
            JsonNode p = e.getValue();
            if (e.getKey().equals(venueSymbol) || venueSymbol.equals(p.path("altname").asText(null))
                    || venueSymbol.equals(p.path("wsname").asText(null))) {
                pair = p;
            }
        }
        if (pair == null && result.size() == 1) pair = result.elements().next();
        if (pair == null || !pair.isObject()) {
            throw new BrokerException(BrokerException.Kind.REJECTED, "Kraken lists no pair " + venueSymbol);
        }
        BigDecimal tick = KrakenNumbers.decimalOrNull(pair, "tick_size");
        if (tick == null) tick = step(KrakenNumbers.smallInt(pair, "pair_decimals", MAX_DECIMALS));
        BigDecimal costMin = KrakenNumbers.decimalOrNull(pair, "costmin");
        return new VenueRules(venueSymbol, KrakenNumbers.decimal(pair, "ordermin"),
                step(KrakenNumbers.smallInt(pair, "lot_decimals", MAX_DECIMALS)), tick,
                costMin != null ? costMin : BigDecimal.ZERO);
    }

    private static BigDecimal step(int decimals) {
        return BigDecimal.ONE.movePointLeft(decimals);
    }
}
