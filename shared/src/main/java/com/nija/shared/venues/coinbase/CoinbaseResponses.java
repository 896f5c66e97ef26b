package com.nija.shared.venues.coinbase;

import static com.nija.shared.venues.coinbase.CoinbaseFields.decimal;
import static com.nija.shared.venues.coinbase.CoinbaseFields.flag;
import static com.nija.shared.venues.coinbase.CoinbaseFields.id;
import static com.nija.shared.venues.coinbase.CoinbaseFields.requiredDecimal;
import static com.nija.shared.venues.coinbase.CoinbaseFields.requiredText;
import static com.nija.shared.venues.coinbase.CoinbaseFields.text;
import static com.nija.shared.venues.coinbase.CoinbaseFields.unreadable;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.venues.KeyCheck;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Coinbase Advanced Trade's answers (API reference, "Orders", "Accounts", "Products", "Data API"). Each reader
 * either returns what the answer says or throws a {@link com.nija.shared.broker.BrokerException}: an answer that
 * cannot be read is {@code UNKNOWN}, never another exception.
 */
final class CoinbaseResponses {
    /** Coinbase's cursors are opaque; anything printable up to a bound is sent back as it came (URL-encoded). */
    private static final Pattern CURSOR = Pattern.compile("\\p{Graph}{1,1000}");

    private CoinbaseResponses() {}

    /** What {@code POST /orders} said: placed (or already placed under that client order id) as an order id, or refused. */
    sealed interface Placed {
        record Accepted(String orderId) implements Placed {}

        record Refused(String code, String message) implements Placed {}
    }

    /** A page of {@code GET /orders/historical/batch} or {@code GET /accounts}: its items and the cursor to the next. */
    record Page<T>(List<T> items, Optional<String> next) {}

    static Placed placed(JsonNode root) {
        JsonNode success = root.path("success");
        if (!success.isBoolean()) throw unreadable("success");
        if (success.booleanValue()) {
            return new Placed.Accepted(id(root.path("success_response"), "order_id", CoinbaseOrder.ORDER_ID)
                    .or(() -> id(root, "order_id", CoinbaseOrder.ORDER_ID)).orElseThrow(() -> unreadable("order_id")));
        }
        JsonNode error = root.path("error_response");
        return new Placed.Refused(CoinbaseErrors.code(error, root), CoinbaseErrors.message(error));
    }

    /** {@code GET /orders/historical/{order_id}}: {@code {"order": {...}}}. */
    static CoinbaseOrder order(JsonNode root) {
        return CoinbaseOrder.parse(root.path("order"));
    }

    static Page<CoinbaseOrder> orders(JsonNode root) {
        List<CoinbaseOrder> orders = new ArrayList<>();
        for (JsonNode order : array(root, "orders")) orders.add(CoinbaseOrder.parse(order));
        return new Page<>(orders, next(root));
    }

    /**
     * {@code GET /key_permissions}: {@code can_view}, {@code can_trade}, {@code can_transfer}, named as Coinbase's key
     * scopes ({@code view}, {@code trade}, {@code transfer}). Trading needs {@code trade}, reconciliation {@code view};
     * {@code transfer} lets the key move funds off Coinbase, which NIJA never needs.
     */
    static KeyCheck permissions(JsonNode root) {
        if (!root.path("can_trade").isBoolean()) throw unreadable("can_trade");
        List<String> permissions = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (flag(root, "can_view")) permissions.add("view");
        else errors.add("the key cannot view (no view permission): NIJA reads orders and balances with it");
        if (flag(root, "can_trade")) permissions.add("trade");
        else errors.add("the key cannot trade (no trade permission)");
        if (flag(root, "can_transfer")) {
            permissions.add("transfer");
            warnings.add("the key can transfer funds off Coinbase (transfer permission); NIJA needs only view and trade");
        }
        return KeyCheck.of(permissions, errors, warnings);
    }

    /**
     * {@code GET /market/products/{product_id}}: {@code base_min_size}, {@code base_increment}, the price tick
     * ({@code price_increment}, or {@code quote_increment} where a product has no separate one) and
     * {@code quote_min_size} as the smallest notional.
     */
    static VenueRules rules(String symbol, JsonNode root) {
        BigDecimal tick = decimal(root, "price_increment").or(() -> decimal(root, "quote_increment"))
                .orElseThrow(() -> unreadable("quote_increment"));
        return new VenueRules(symbol, requiredDecimal(root, "base_min_size"), requiredDecimal(root, "base_increment"),
                tick, decimal(root, "quote_min_size").orElse(BigDecimal.ZERO));
    }

    /**
     * {@code GET /accounts}: one account per currency (and more, e.g. a vault), each with {@code available_balance}
     * and {@code hold} (what open orders reserve). A currency's balance is what the key's portfolio holds of it:
     * available plus held, summed over its accounts; empty currencies are left out.
     */
    static Page<Map.Entry<String, BigDecimal>> accounts(JsonNode root) {
        Map<String, BigDecimal> balances = new HashMap<>();
        for (JsonNode account : array(root, "accounts")) {
            String currency = requiredText(account, "currency").toUpperCase(Locale.ROOT);
            BigDecimal total = requiredDecimal(account.path("available_balance"), "value")
                    .add(decimal(account.path("hold"), "value").orElse(BigDecimal.ZERO));
            if (total.signum() != 0) balances.merge(currency, total, BigDecimal::add);
        }
        return new Page<>(List.copyOf(balances.entrySet()), next(root));
    }

    /** {@code POST /orders/batch_cancel} for one order: empty when cancelled, else Coinbase's failure reason. */
    static Optional<String> cancelFailure(JsonNode root) {
        Iterable<JsonNode> results = array(root, "results");
        for (JsonNode result : results) {
            if (!result.path("success").isBoolean()) throw unreadable("success");
            if (result.path("success").booleanValue()) return Optional.empty();
            return Optional.of(text(result, "failure_reason").orElse("UNKNOWN_CANCEL_FAILURE_REASON"));
        }
        throw unreadable("results");
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode items = root.path(field);
        if (!items.isArray()) throw unreadable(field);
        return items;
    }

    private static Optional<String> next(JsonNode root) {
        return flag(root, "has_next") ? Optional.of(id(root, "cursor", CURSOR).orElseThrow(() -> unreadable("cursor")))
                : Optional.empty();
    }
}
