package com.nija.shared.venues.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Kraken's asset codes as the rest of NIJA names assets. Kraken's oldest assets carry an {@code X} (crypto) or
 * {@code Z} (fiat) prefix ({@code XXBT}, {@code XETH}, {@code ZUSD}, {@code ZEUR}; docs.kraken.com Get Asset Info) and
 * Kraken calls bitcoin {@code XBT} and dogecoin {@code XDG}. Newer assets have no prefix ({@code DOT}, {@code USDT}),
 * so only the known legacy codes lose it: a blind rule would turn {@code ZETA} into {@code ETA}. Suffixed balances
 * ({@code XBT.F} earning rewards, {@code ETH2.S} staked) keep their suffix after the asset is renamed.
 */
final class KrakenAssets {
    private static final Set<String> PREFIXED = Set.of("XXBT", "XETH", "XXDG", "XLTC", "XXRP", "XXLM", "XXMR", "XZEC",
            "XETC", "XREP", "XMLN", "ZUSD", "ZEUR", "ZGBP", "ZCAD", "ZJPY", "ZAUD");
    private static final Map<String, String> RENAMED = Map.of("XBT", "BTC", "XDG", "DOGE");

    private KrakenAssets() {}

    static String normalise(String code) {
        int dot = code.indexOf('.');
        String asset = dot < 0 ? code : code.substring(0, dot);
        String suffix = dot < 0 ? "" : code.substring(dot);
        if (PREFIXED.contains(asset)) asset = asset.substring(1);
        return RENAMED.getOrDefault(asset, asset) + suffix;
    }

    /** Balance's {@code asset → amount} under NIJA's names; two Kraken codes for one asset are added up. */
    static Map<String, BigDecimal> balances(JsonNode result) {
        if (!result.isObject()) throw KrakenNumbers.malformed("balances are not an object");
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : result.properties()) {
            balances.merge(normalise(e.getKey()), KrakenNumbers.decimal(result, e.getKey()), BigDecimal::add);
        }
        return balances;
    }
}
