package com.nija.shared.venues.kraken;

import static com.nija.shared.venues.kraken.KrakenNumbers.decimal;
import static com.nija.shared.venues.kraken.KrakenNumbers.decimalOrNull;
import static com.nija.shared.venues.kraken.KrakenNumbers.malformed;
import static com.nija.shared.venues.kraken.KrakenNumbers.timeOrNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.Fill;
import com.nija.shared.order.OrderSide;
import com.nija.shared.venues.VenueAccount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One order as Kraken's OpenOrders, ClosedOrders and QueryOrders describe it (docs.kraken.com, Get Open Orders /
 * Get Closed Orders / Query Orders Info): {@code status} (pending, open, closed, canceled, expired), {@code vol},
 * {@code vol_exec} (base), {@code cost}, {@code fee} (quote: NIJA places with {@code oflags=fciq}), {@code price}
 * (average), {@code descr.price} (the limit), {@code opentm}/{@code closetm} (epoch seconds) and {@code cl_ord_id}.
 */
record KrakenOrder(String txid, String clientOrderId, String status, String pair, OrderSide side, boolean limit,
                   BigDecimal volume, BigDecimal executed, BigDecimal cost, BigDecimal fee, BigDecimal averagePrice,
                   BigDecimal limitPrice, Instant openedAt, Instant closedAt) {

    /** The orders of a {@code txid → order} object (the {@code open} or {@code closed} map, or QueryOrders' result). */
    static List<KrakenOrder> all(JsonNode byTxid) {
        if (byTxid.isMissingNode() || byTxid.isNull()) return List.of();
        if (!byTxid.isObject()) throw malformed("orders are not an object");
        List<KrakenOrder> orders = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : byTxid.properties()) orders.add(of(e.getKey(), e.getValue()));
        return orders;
    }

    /**
     * The order placed under {@code clientOrderId} among {@code orders}: only one that names it (a server that ignored
     * the filter must not pass another order off as ours); the latest if Kraken holds several.
     */
    static Optional<KrakenOrder> named(List<KrakenOrder> orders, String clientOrderId) {
        return orders.stream().filter(o -> clientOrderId.equals(o.clientOrderId()))
                .max(Comparator.comparing(o -> o.openedAt() == null ? Instant.EPOCH : o.openedAt()));
    }

    static KrakenOrder of(String txid, JsonNode o) {
        if (!o.isObject()) throw malformed("an order is not an object");
        JsonNode descr = o.path("descr");
        String status = text(o, "status");
        if (!List.of("pending", "open", "closed", "canceled", "expired").contains(status)) {
            throw malformed("order status '" + clip(status) + "'");
        }
        String type = text(descr, "type");
        OrderSide side = switch (type) {
            case "buy" -> OrderSide.BUY;
            case "sell" -> OrderSide.SELL;
            default -> throw malformed("order type '" + clip(type) + "'");
        };
        boolean limit = "limit".equals(descr.path("ordertype").asText(""));
        JsonNode clOrdId = o.get("cl_ord_id");
        return new KrakenOrder(txid, clOrdId != null && clOrdId.isTextual() ? clOrdId.asText() : "", status,
                descr.path("pair").asText(""), side, limit, decimal(o, "vol"), decimal(o, "vol_exec"),
                orZero(decimalOrNull(o, "cost")), orZero(decimalOrNull(o, "fee")),
                orZero(decimalOrNull(o, "price")), limit ? decimalOrNull(descr, "price") : null,
                timeOrNull(o, "opentm"), timeOrNull(o, "closetm"));
    }

    /**
     * The order as the engine sees it: pending or open → {@code RESTING} (the order's size and limit; a partial fill
     * so far keeps it working); closed with all of it executed → {@code FILLED}; otherwise done with less —
     * cancelled, expired, or closed short → {@code PARTIALLY_FILLED} with what executed, which may be nothing.
     */
    Fill toFill(String clientOrderId, Clock clock) {
        if (status.equals("pending") || status.equals("open")) {
            return new Fill(clientOrderId, Fill.Status.RESTING, volume, limitPrice, fee, orNow(openedAt, clock),
                    txid);
        }
        boolean all = status.equals("closed") && executed.compareTo(volume) >= 0;
        return new Fill(clientOrderId, all ? Fill.Status.FILLED : Fill.Status.PARTIALLY_FILLED, executed,
                fillPrice(), fee, orNow(closedAt != null ? closedAt : openedAt, clock), txid);
    }

    VenueAccount.OpenOrder toOpenOrder() {
        return new VenueAccount.OpenOrder(clientOrderId, txid, pair, side, volume, executed, limitPrice);
    }

    /** Kraken's average price; from cost and volume if it left that out; zero when nothing executed. */
    private BigDecimal fillPrice() {
        if (averagePrice.signum() > 0) return averagePrice;
        if (executed.signum() <= 0) return BigDecimal.ZERO;
        return cost.divide(executed, 12, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static Instant orNow(Instant at, Clock clock) {
        return at != null ? at : clock.instant();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value != null ? value : BigDecimal.ZERO;
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) throw malformed(field + " missing");
        return node.asText();
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
