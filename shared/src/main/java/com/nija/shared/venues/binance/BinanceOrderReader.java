package com.nija.shared.venues.binance;

import static com.nija.shared.venues.binance.BinanceJson.decimal;
import static com.nija.shared.venues.binance.BinanceJson.instant;
import static com.nija.shared.venues.binance.BinanceJson.integer;
import static com.nija.shared.venues.binance.BinanceJson.object;
import static com.nija.shared.venues.binance.BinanceJson.optionalDecimal;
import static com.nija.shared.venues.binance.BinanceJson.text;
import static com.nija.shared.venues.binance.BinanceJson.unreadable;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.order.OrderSide;
import com.nija.shared.venues.ClientOrderIds;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueAccount.OpenOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Binance's order answers (Spot REST API "New order (TRADE)" FULL response, "Query order (USER_DATA)",
 * "Current open orders (USER_DATA)", "Account trade list (USER_DATA)"). Malformed input is an {@code UNKNOWN}
 * {@link com.nija.shared.broker.BrokerException}, never another exception.
 */
final class BinanceOrderReader {
    /** Which time says when an order last changed: a query's updateTime, a new order's transactTime. */
    private static final List<String> TIME_FIELDS = List.of("updateTime", "transactTime", "workingTime", "time");

    private BinanceOrderReader() {}

    static BinanceOrder order(JsonNode answer) {
        JsonNode o = object(answer);
        BigDecimal origQty = nonNegative(o, "origQty");
        BigDecimal executedQty = nonNegative(o, "executedQty");
        if (executedQty.compareTo(origQty) > 0) throw unreadable("executedQty");
        // Binance writes a negative cummulativeQuoteQty when it does not have it: treated as absent.
        Optional<BigDecimal> quote = optionalDecimal(o, "cummulativeQuoteQty").filter(q -> q.signum() > 0);
        JsonNode fills = o.get("fills");
        return new BinanceOrder(text(o, "symbol"), integer(o, "orderId"), text(o, "clientOrderId"), status(o),
                side(o), origQty, executedQty, quote, nonNegative(o, "price"), updatedAt(o),
                fills == null || fills.isNull() ? List.of() : trades(fills));
    }

    /** {@code fills[]} of a FULL answer or the rows of {@code GET /api/v3/myTrades}. */
    static List<BinanceTrade> trades(JsonNode rows) {
        if (rows == null || !rows.isArray()) throw unreadable("the trades");
        List<BinanceTrade> trades = new ArrayList<>();
        for (JsonNode row : rows) {
            JsonNode t = object(row);
            trades.add(new BinanceTrade(positive(t, "price"), positive(t, "qty"), nonNegative(t, "commission"),
                    text(t, "commissionAsset")));
        }
        return trades;
    }

    static List<OpenOrder> openOrders(JsonNode answer) {
        List<OpenOrder> open = new ArrayList<>();
        if (answer == null || !answer.isArray()) throw unreadable("the open orders");
        for (JsonNode row : answer) {
            BinanceOrder o = order(row);
            open.add(new OpenOrder(nijaClientOrderId(o.clientOrderId()), Long.toString(o.orderId()), o.symbol(),
                    o.side(), o.origQty(), o.executedQty(), o.limitPrice().orElse(null)));
        }
        return open;
    }

    /** {@code id} when NIJA placed the order (it is an order id in Binance's format), else empty. */
    private static String nijaClientOrderId(String id) {
        try {
            return ClientOrderIds.forVenue(Venue.BINANCE, id).equals(id) ? id : "";
        } catch (IllegalArgumentException notOurs) {
            return "";
        }
    }

    private static BinanceOrder.Status status(JsonNode o) {
        String status = text(o, "status");
        for (BinanceOrder.Status s : BinanceOrder.Status.values()) {
            if (s.name().equals(status)) return s;
        }
        throw unreadable("status");
    }

    private static OrderSide side(JsonNode o) {
        return switch (text(o, "side")) {
            case "BUY" -> OrderSide.BUY;
            case "SELL" -> OrderSide.SELL;
            default -> throw unreadable("side");
        };
    }

    private static Instant updatedAt(JsonNode o) {
        for (String field : TIME_FIELDS) {
            if (o.hasNonNull(field)) return instant(o, field);
        }
        throw unreadable("transactTime");
    }

    private static BigDecimal nonNegative(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        if (value.signum() < 0) throw unreadable(field);
        return value;
    }

    private static BigDecimal positive(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        if (value.signum() <= 0) throw unreadable(field);
        return value;
    }
}
