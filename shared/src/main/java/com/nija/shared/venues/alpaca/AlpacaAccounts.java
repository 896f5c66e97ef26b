package com.nija.shared.venues.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.venues.KeyCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Alpaca's account ({@code GET /v2/account}) and positions ({@code GET /v2/positions}) for the key check and
 * reconciliation.
 *
 * <p>The key check: a Trading API key acts for its one account, which may trade crypto when the account is
 * {@code ACTIVE}, its {@code crypto_status} is {@code ACTIVE} (absent when crypto was never enabled) and neither
 * trading nor the account is blocked. Such a key cannot move money out: transfers and crypto withdrawals are not
 * part of the Trading API's key permissions, so the permissions never include {@code withdraw} and no warning is due.
 */
final class AlpacaAccounts {
    private static final String ACTIVE = "ACTIVE";
    private static final String ACCOUNT = "the account";
    private static final String POSITION = "a position";

    private AlpacaAccounts() {}

    static KeyCheck check(JsonNode account) {
        requireObject(account, ACCOUNT);
        List<String> errors = new ArrayList<>();
        String status = AlpacaJson.text(account, "status", ACCOUNT);
        if (!ACTIVE.equals(status)) errors.add("the Alpaca account is " + status + ", not ACTIVE");
        String crypto = AlpacaJson.optionalText(account, "crypto_status", ACCOUNT).orElse(null);
        if (crypto == null) errors.add("crypto trading is not enabled on the Alpaca account");
        else if (!ACTIVE.equals(crypto)) errors.add("crypto trading on the Alpaca account is " + crypto + ", not ACTIVE");
        if (AlpacaJson.flag(account, "trading_blocked", ACCOUNT)) errors.add("trading is blocked on the Alpaca account");
        if (AlpacaJson.flag(account, "account_blocked", ACCOUNT)) errors.add("the Alpaca account is blocked");
        if (AlpacaJson.flag(account, "trade_suspended_by_user", ACCOUNT)) {
            errors.add("trading is suspended by the account holder");
        }
        List<String> permissions = errors.isEmpty() ? List.of("read", "trade") : List.of("read");
        return KeyCheck.of(permissions, errors, List.of());
    }

    /**
     * The account's USD cash and its crypto positions, by asset ({@code BTCUSD} → {@code BTC}). Positions of other
     * asset classes (the same account may hold stocks) are not NIJA's and are left out.
     */
    static Map<String, BigDecimal> balances(JsonNode account, JsonNode positions) {
        requireObject(account, ACCOUNT);
        if (!positions.isArray()) throw new BrokerException(BrokerException.Kind.UNKNOWN, "Alpaca sent positions that are not a list");
        Map<String, BigDecimal> balances = new HashMap<>();
        balances.put("USD", AlpacaJson.decimal(account, "cash", ACCOUNT));
        for (JsonNode p : positions) {
            requireObject(p, POSITION);
            if (!"crypto".equals(AlpacaJson.optionalText(p, "asset_class", POSITION).orElse(""))) continue;
            balances.merge(asset(AlpacaJson.text(p, "symbol", POSITION)), AlpacaJson.decimal(p, "qty", POSITION),
                    BigDecimal::add);
        }
        return balances;
    }

    /** The asset a crypto position holds: Alpaca names it by its USD pair, old style ({@code BTCUSD}) or new ({@code BTC/USD}). */
    static String asset(String positionSymbol) {
        String symbol = positionSymbol.trim().toUpperCase(Locale.ROOT);
        int slash = symbol.indexOf('/');
        if (slash > 0) return symbol.substring(0, slash);
        if (symbol.length() > 3 && symbol.endsWith("USD")) return symbol.substring(0, symbol.length() - 3);
        return symbol;
    }

    private static void requireObject(JsonNode node, String what) {
        if (!node.isObject()) throw new BrokerException(BrokerException.Kind.UNKNOWN, "Alpaca sent " + what + " that is not an object");
    }
}
