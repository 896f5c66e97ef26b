package com.nija.shared.venues.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;

/**
 * A crypto pair's order rules from Alpaca's asset object ({@code GET /v2/assets/{symbol}}, Trading API "Assets",
 * crypto example): {@code min_order_size}, {@code min_trade_increment} (size step) and {@code price_increment} (tick).
 * The asset carries no minimum notional (Alpaca refuses orders under $1 of cost basis with a 403): the caller passes
 * the one it knows.
 */
final class AlpacaAssets {
    private static final String ASSET = "an asset";

    private AlpacaAssets() {}

    static VenueRules rules(String venueSymbol, JsonNode asset, BigDecimal minNotional) {
        if (!asset.isObject()) throw new BrokerException(BrokerException.Kind.UNKNOWN, "Alpaca sent an asset that is not an object");
        BigDecimal minSize = positive(asset, "min_order_size");
        BigDecimal step = positive(asset, "min_trade_increment");
        BigDecimal tick = positive(asset, "price_increment");
        return new VenueRules(venueSymbol, minSize, step, tick, minNotional);
    }

    private static BigDecimal positive(JsonNode asset, String field) {
        BigDecimal value = AlpacaJson.decimal(asset, field, ASSET);
        if (value.signum() <= 0) throw AlpacaJson.unreadable(ASSET, field);
        return value;
    }
}
