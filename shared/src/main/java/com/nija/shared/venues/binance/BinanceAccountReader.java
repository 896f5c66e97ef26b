package com.nija.shared.venues.binance;

import static com.nija.shared.venues.binance.BinanceJson.array;
import static com.nija.shared.venues.binance.BinanceJson.bool;
import static com.nija.shared.venues.binance.BinanceJson.decimal;
import static com.nija.shared.venues.binance.BinanceJson.object;
import static com.nija.shared.venues.binance.BinanceJson.text;
import static com.nija.shared.venues.binance.BinanceJson.unreadable;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Binance's market and account answers: {@code exchangeInfo} (Spot REST API "Exchange information", filters.md),
 * {@code account} ("Account information (USER_DATA)"), the key's restrictions (Wallet "Get API Key Permission") and
 * {@code ticker/price} ("Symbol price ticker"). Malformed input is an {@code UNKNOWN}
 * {@link com.nija.shared.broker.BrokerException}, never another exception.
 */
final class BinanceAccountReader {
    private BinanceAccountReader() {}

    /**
     * {@code symbol} from an exchangeInfo answer: LOT_SIZE gives the minimum size and size step, PRICE_FILTER the
     * tick, NOTIONAL (or the older MIN_NOTIONAL) the minimum notional — zero when the market has neither.
     */
    static BinanceMarket market(JsonNode exchangeInfo, String symbol) {
        for (JsonNode s : array(object(exchangeInfo), "symbols")) {
            if (!symbol.equals(object(s).path("symbol").asText())) continue;
            JsonNode lotSize = filter(s, "LOT_SIZE").orElseThrow(() -> unreadable("LOT_SIZE"));
            JsonNode priceFilter = filter(s, "PRICE_FILTER").orElseThrow(() -> unreadable("PRICE_FILTER"));
            BigDecimal minNotional = filter(s, "NOTIONAL").or(() -> filter(s, "MIN_NOTIONAL"))
                    .map(f -> nonNegative(f, "minNotional")).orElse(BigDecimal.ZERO);
            VenueRules rules = new VenueRules(symbol, nonNegative(lotSize, "minQty"), nonNegative(lotSize, "stepSize"),
                    nonNegative(priceFilter, "tickSize"), minNotional);
            return new BinanceMarket(symbol, asset(s, "baseAsset"), asset(s, "quoteAsset"), rules);
        }
        throw unreadable("symbol " + symbol);
    }

    /** Each asset's holding, free plus locked in open orders; assets held at zero left out. */
    static Map<String, BigDecimal> balances(JsonNode account) {
        Map<String, BigDecimal> balances = new HashMap<>();
        for (JsonNode b : array(object(account), "balances")) {
            BigDecimal total = nonNegative(object(b), "free").add(nonNegative(b, "locked"));
            if (total.signum() > 0) balances.merge(asset(b, "asset"), plain(total), BigDecimal::add);
        }
        return balances;
    }

    static BinanceKeyPermissions restrictions(JsonNode answer) {
        JsonNode r = object(answer);
        return new BinanceKeyPermissions(bool(r, "enableReading"), bool(r, "enableSpotAndMarginTrading"),
                bool(r, "enableWithdrawals"), bool(r, "ipRestrict"));
    }

    /** The testnet's stand-in: the account's own switches (a key that can call it can read). */
    static BinanceKeyPermissions accountPermissions(JsonNode account) {
        JsonNode a = object(account);
        return new BinanceKeyPermissions(true, bool(a, "canTrade"), bool(a, "canWithdraw"), false);
    }

    static BigDecimal tickerPrice(JsonNode answer) {
        BigDecimal price = decimal(object(answer), "price");
        if (price.signum() <= 0) throw unreadable("price");
        return price;
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Optional<JsonNode> filter(JsonNode symbol, String type) {
        for (JsonNode f : array(symbol, "filters")) {
            if (type.equals(object(f).path("filterType").asText())) return Optional.of(f);
        }
        return Optional.empty();
    }

    private static BigDecimal nonNegative(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        if (value.signum() < 0) throw unreadable(field);
        return plain(value);
    }

    /** Binance's asset codes are already the common ones (BTC, USDT, BNB): only case and blanks are normalised. */
    private static String asset(JsonNode node, String field) {
        return text(node, field).strip().toUpperCase(Locale.ROOT);
    }
}
