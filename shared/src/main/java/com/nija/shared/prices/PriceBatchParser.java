package com.nija.shared.prices;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.json.Json;
import com.nija.shared.market.PriceUpdate;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.trading.Decimals;
import com.nija.shared.trading.Symbols;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a price feed's batch: {@code {"prices":[{"symbol","price","timestamp"?}]}} (a bare array or a single entry
 * too). At most {@value #MAX_PRICES} entries, so one request's work stays bounded; every broken rule is reported,
 * up to {@value #MAX_REPORTED}, naming the entry ({@code prices[3].price}).
 */
public final class PriceBatchParser {
    public static final int MAX_PRICES = 1_000;
    static final int MAX_REPORTED = 20;

    private PriceBatchParser() {}

    /** @param now the time of updates that carry no timestamp */
    public static List<PriceUpdate> parse(String rawBody, Instant now) {
        JsonNode body = json(rawBody);
        JsonNode list = body.has("prices") ? body.get("prices") : body;
        List<JsonNode> entries = new ArrayList<>();
        if (list.isArray()) list.forEach(entries::add);
        else if (list.isObject()) entries.add(list);
        else throw InvalidInputException.of("prices", "must be a list of {symbol, price}");
        if (entries.isEmpty()) throw new InvalidInputException(List.of(new Violation("prices", "send at least one price")), true);
        if (entries.size() > MAX_PRICES) {
            throw new InvalidInputException(List.of(new Violation("prices", "at most " + MAX_PRICES
                    + " prices per request; split the batch")), true);
        }
        List<Violation> v = new ArrayList<>();
        List<PriceUpdate> updates = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size() && v.size() < MAX_REPORTED; i++) {
            PriceUpdate u = update(v, "prices[" + i + "]", entries.get(i), now);
            if (u != null) updates.add(u);
        }
        if (!v.isEmpty()) throw new InvalidInputException(v, true);
        return updates;
    }

    private static PriceUpdate update(List<Violation> v, String at, JsonNode p, Instant now) {
        JsonNode symbolNode = p.path("symbol");
        Optional<String> symbol = symbolNode.isTextual() ? Symbols.normalize(symbolNode.textValue()) : Optional.empty();
        if (symbol.isEmpty()) v.add(new Violation(at + ".symbol", "must be a market symbol like BTC-USD"));
        Optional<BigDecimal> price = Decimals.readPositive(p.get("price"));
        if (price.isEmpty()) v.add(new Violation(at + ".price", "must be a positive " + Decimals.RULE));
        Instant time = now;
        JsonNode ts = p.get("timestamp");
        if (ts != null && !ts.isNull()) {
            try {
                time = Instant.parse(ts.asText());
            } catch (DateTimeException e) {
                v.add(new Violation(at + ".timestamp", "must be an ISO-8601 instant like 2026-12-01T10:00:00Z"));
            }
        }
        return symbol.isPresent() && price.isPresent() ? new PriceUpdate(symbol.get(), price.get(), time) : null;
    }

    private static JsonNode json(String raw) {
        return Json.readTree(raw).filter(n -> n.isObject() || n.isArray()).orElseThrow(() ->
                InvalidInputException.of("body", "must be a JSON object {\"prices\": [{\"symbol\", \"price\"}]}"));
    }
}
