package com.nija.shared.signals;

import com.nija.shared.exits.ExitPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.engine.LevelRules;
import com.nija.shared.engine.PriceLevel;
import com.nija.shared.engine.QuantityType;
import com.nija.shared.engine.Signal;
import com.nija.shared.engine.SignalAction;
import com.nija.shared.input.InputLimits;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.order.OrderType;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.trading.Decimals;
import com.nija.shared.trading.Symbols;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads NIJA's signal shape and TradingView's ({@code ticker}/{@code symbol}, {@code action} buy|sell|exit|close|cancel,
 * {@code position_size} in USD, …), with an optional exit plan ({@code exits}, see {@link ExitPlanParser}) and
 * {@code explanation}. Unknown fields are ignored. Every broken rule is reported at once.
 */
public final class SignalParser {
    public static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(60);
    static final Duration MAX_ALLOWED_LAG = Duration.ofMinutes(10);
    private static final Duration FUTURE_SKEW = Duration.ofSeconds(5);

    private SignalParser() {}

    /** @param instruments the markets a signal may name; any other symbol is refused */
    public static Signal parse(JsonNode body, String source, String rawBody, Instant receivedAt, Instruments instruments) {
        List<Violation> v = new ArrayList<>();
        String symbolText = text(body, "symbol", text(body, "ticker", null));
        String symbol = null;
        if (symbolText == null) v.add(new Violation("symbol", "is required (symbol or ticker)"));
        else {
            symbol = instruments.symbol(symbolText).orElse(null);
            if (symbol == null) {
                String named = symbolText.length() <= 30 ? "'" + symbolText + "' is" : "it is";
                v.add(new Violation("symbol", named + " not a market NIJA trades; markets are named like BTC-USD"));
            }
        }
        SignalAction action = SignalAction.parse(text(body, "action", null)).orElse(null);
        if (action == null) {
            v.add(new Violation("action", "must be buy, sell, exit (or close) or cancel; long and short are not "
                    + "actions: buy opens a long, sell exits a long or opens a short where settings allow shorts"));
        }
        OrderType orderType = OrderType.parse(text(body, "orderType", "market")).orElse(null);
        if (orderType == null) v.add(new Violation("orderType", "must be market or limit"));
        BigDecimal limitPrice = positive(v, body, "limitPrice");
        if (orderType == OrderType.LIMIT && limitPrice == null) v.add(new Violation("limitPrice", "is required for a limit order"));
        QuantityType quantityType = null;
        BigDecimal quantity = positive(v, body, "quantity");
        String qt = text(body, "quantityType", null);
        if (qt != null) {
            quantityType = QuantityType.parse(qt).orElse(null);
            if (quantityType == null) v.add(new Violation("quantityType", "must be percent_of_equity, quantity or usd"));
            if (quantity == null) v.add(new Violation("quantity", "is required with quantityType"));
        } else if (body.hasNonNull("position_size")) { // TradingView's NIJA alert: position size in USD
            quantityType = QuantityType.USD;
            quantity = positive(v, body, "position_size");
        } else if (quantity != null) {
            v.add(new Violation("quantityType", "is required with quantity"));
        }
        Instant timestamp = timestamp(v, body.get("timestamp"));
        Duration maxLag = maxLag(v, body.get("maxLag"));
        if (timestamp != null && v.isEmpty()) {
            if (timestamp.isBefore(receivedAt.minus(maxLag))) {
                throw new StaleSignalException("signal is " + Duration.between(timestamp, receivedAt).toSeconds()
                        + " s old; signals older than " + maxLag.toSeconds() + " s are refused");
            }
            if (timestamp.isAfter(receivedAt.plus(FUTURE_SKEW))) v.add(new Violation("timestamp", "is in the future"));
        }
        String signalId = text(body, "signalId", null);
        if (signalId != null) InputLimits.checkId(InputLimits.Id.KEY, "signalId", signalId).ifPresent(v::add);
        String strategy = text(body, "strategy", "default");
        InputLimits.checkId(InputLimits.Id.KEY, "strategy", strategy).ifPresent(v::add);
        BigDecimal price = positive(v, body, "price");
        PriceLevel stopLoss = level(v, body, "stopLoss");
        PriceLevel takeProfit = level(v, body, "takeProfit");
        boolean opens = action == SignalAction.BUY || action == SignalAction.SELL;
        BigDecimal reference = orderType == OrderType.LIMIT ? limitPrice : price;
        if (opens) v.addAll(LevelRules.ofSignal(action == SignalAction.BUY, reference, stopLoss, takeProfit));
        ExitPlan exits = ExitPlanParser.parse(v, body, opens, action == SignalAction.BUY, reference, stopLoss,
                takeProfit);
        String explanation = explanation(v, body.get("explanation"));
        if (!v.isEmpty()) throw new InvalidInputException(v, true);
        return new Signal(signalId != null ? signalId : "sha256-" + sha256(source + "\n" + rawBody), source, strategy,
                symbol, action, orderType, limitPrice, stopLoss, takeProfit, quantityType, quantity, price, timestamp,
                receivedAt, exits, explanation);
    }

    /** Why the sender sent it: a JSON object, kept as compact JSON of bounded size (it goes onto every order). */
    private static String explanation(List<Violation> v, JsonNode n) {
        if (n == null || n.isNull()) return null;
        String compact = n.isObject() ? n.toString() : null;
        if (compact == null || compact.length() > Signal.MAX_EXPLANATION) {
            v.add(new Violation("explanation", "must be a JSON object of at most " + Signal.MAX_EXPLANATION
                    + " characters"));
            return null;
        }
        return compact;
    }

    /** {@code "61000.5"}, {@code 61000.5}, {@code {"price": …}}: a price; {@code "2%"}, {@code {"percent": 2}}: a distance. */
    private static PriceLevel level(List<Violation> v, JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || (n.isTextual() && n.textValue().isBlank())) return null;
        Optional<PriceLevel> level = Optional.empty();
        if (n.isTextual() && n.textValue().trim().endsWith("%")) {
            String t = n.textValue().trim();
            level = Decimals.parse(t.substring(0, t.length() - 1)).map(p -> new PriceLevel(null, p));
        } else if (n.isObject() && n.size() == 1 && n.hasNonNull("percent")) {
            level = Decimals.read(n.get("percent")).map(p -> new PriceLevel(null, p));
        } else if (n.isObject() && n.size() == 1 && n.hasNonNull("price")) {
            level = Decimals.readPositive(n.get("price")).map(p -> new PriceLevel(p, null));
        } else if (n.isTextual() || n.isNumber()) {
            level = Decimals.readPositive(n).map(p -> new PriceLevel(p, null));
        }
        if (level.isEmpty()) {
            v.add(new Violation(field, "must be a positive price or a percentage like \"2%\", each " + Decimals.RULE));
        }
        return level.orElse(null);
    }

    private static Instant timestamp(List<Violation> v, JsonNode n) {
        if (n == null || n.isNull()) return null;
        try {
            if (n.canConvertToLong() && n.isIntegralNumber() || n.isTextual() && n.textValue().matches("\\d{1,15}")) {
                long value = n.asLong();
                return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            }
            return Instant.parse(n.asText());
        } catch (DateTimeException e) { // unreadable or beyond the calendar
            v.add(new Violation("timestamp", "must be ISO-8601 or epoch seconds/milliseconds"));
            return null;
        }
    }

    private static Duration maxLag(List<Violation> v, JsonNode n) {
        if (n == null || n.isNull()) return DEFAULT_MAX_LAG;
        long seconds = n.asLong(-1);
        if (seconds < 1 || seconds > MAX_ALLOWED_LAG.toSeconds()) {
            v.add(new Violation("maxLag", "must be 1 to " + MAX_ALLOWED_LAG.toSeconds() + " seconds"));
            return DEFAULT_MAX_LAG;
        }
        return Duration.ofSeconds(seconds);
    }

    private static BigDecimal positive(List<Violation> v, JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || (n.isTextual() && n.textValue().isBlank())) return null;
        Optional<BigDecimal> value = Decimals.readPositive(n);
        if (value.isEmpty()) v.add(new Violation(field, "must be a positive " + Decimals.RULE));
        return value.orElse(null);
    }

    static String text(JsonNode body, String field, String fallback) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() || n.asText().isBlank() ? fallback : n.asText().trim();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
