package com.nija.shared.venues.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.order.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Alpaca order object (Trading API, "Orders": the answer of {@code POST /v2/orders}, of
 * {@code GET /v2/orders:by_client_order_id} and the items of {@code GET /v2/orders}), reduced to what NIJA reads.
 * {@code quantity} is null for an order placed by notional (never NIJA's: it always sends {@code qty}).
 *
 * <p>Alpaca's order object carries no fee. Crypto fees are charged in the asset the trade credits and posted as
 * {@code CFEE} account activities — at the end of the day, per date and symbol, naming no order (Alpaca docs, "Crypto
 * Activities" / "Crypto Fees") — so no fill can be matched to its fee when it happens: a fill's fee is recorded as
 * zero. A buy's fee is taken in the coin bought, so the position Alpaca holds is that much below the filled quantity.
 */
record AlpacaOrder(String id, String clientOrderId, String symbol, OrderSide side, BigDecimal quantity,
                   BigDecimal filledQuantity, BigDecimal averagePrice, BigDecimal limitPrice, State state,
                   Instant filledAt, Instant updatedAt) {

    /** Where an order stands: still able to trade, filled, or ended otherwise (what filled before stays filled). */
    enum State { WORKING, FILLED, ENDED }

    /** Alpaca's documented order statuses (Trading API, "Orders", order lifecycle). */
    private static final Map<String, State> STATES = Map.ofEntries(
            Map.entry("new", State.WORKING), Map.entry("partially_filled", State.WORKING),
            Map.entry("done_for_day", State.WORKING), Map.entry("accepted", State.WORKING),
            Map.entry("pending_new", State.WORKING), Map.entry("accepted_for_bidding", State.WORKING),
            Map.entry("pending_cancel", State.WORKING), Map.entry("pending_replace", State.WORKING),
            Map.entry("pending_review", State.WORKING), Map.entry("stopped", State.WORKING),
            Map.entry("suspended", State.WORKING), Map.entry("calculated", State.WORKING),
            Map.entry("held", State.WORKING),
            Map.entry("filled", State.FILLED),
            Map.entry("canceled", State.ENDED), Map.entry("expired", State.ENDED),
            Map.entry("replaced", State.ENDED), Map.entry("rejected", State.ENDED));
    private static final String WHAT = "an order";

    static AlpacaOrder read(JsonNode node) {
        if (!node.isObject()) throw new BrokerException(BrokerException.Kind.UNKNOWN, "Alpaca sent an order that is not an object");
        String status = AlpacaJson.text(node, "status", WHAT);
        State state = STATES.get(status);
        if (state == null) throw AlpacaJson.unreadable(WHAT, "status");
        return new AlpacaOrder(AlpacaJson.text(node, "id", WHAT), AlpacaJson.text(node, "client_order_id", WHAT),
                AlpacaJson.optionalText(node, "symbol", WHAT).orElse(null), side(node),
                AlpacaJson.optionalDecimal(node, "qty", WHAT).orElse(null),
                AlpacaJson.optionalDecimal(node, "filled_qty", WHAT).orElse(BigDecimal.ZERO),
                AlpacaJson.optionalDecimal(node, "filled_avg_price", WHAT).orElse(null),
                AlpacaJson.optionalDecimal(node, "limit_price", WHAT).orElse(null), state,
                AlpacaJson.optionalInstant(node, "filled_at", WHAT).orElse(null),
                AlpacaJson.optionalInstant(node, "updated_at", WHAT).orElse(null));
    }

    static List<AlpacaOrder> readList(JsonNode node) {
        if (!node.isArray()) throw new BrokerException(BrokerException.Kind.UNKNOWN, "Alpaca sent an order list that is not a list");
        List<AlpacaOrder> orders = new ArrayList<>();
        node.forEach(n -> orders.add(read(n)));
        return orders;
    }

    boolean working() {
        return state == State.WORKING;
    }

    /**
     * What the engine sees of this order: {@code FILLED}; {@code PARTIALLY_FILLED} when it ended with part filled;
     * {@code RESTING} while it can still trade (a partial fill so far included: its end is read later); empty when it
     * ended with nothing filled.
     */
    Optional<Fill> fill() {
        return switch (state) {
            case WORKING -> Optional.of(new Fill(clientOrderId, Fill.Status.RESTING, quantity, null, null, null, id));
            case FILLED -> Optional.of(traded(Fill.Status.FILLED));
            case ENDED -> filledQuantity.signum() > 0 ? Optional.of(traded(Fill.Status.PARTIALLY_FILLED)) : Optional.empty();
        };
    }

    private Fill traded(Fill.Status status) {
        if (filledQuantity.signum() <= 0) throw AlpacaJson.unreadable("a filled order", "filled_qty");
        if (averagePrice == null || averagePrice.signum() <= 0) throw AlpacaJson.unreadable("a filled order", "filled_avg_price");
        Instant at = filledAt != null ? filledAt : updatedAt;
        if (at == null) throw AlpacaJson.unreadable("a filled order", "filled_at");
        return new Fill(clientOrderId, status, filledQuantity, averagePrice, BigDecimal.ZERO, at, id);
    }

    private static OrderSide side(JsonNode node) {
        Optional<String> side = AlpacaJson.optionalText(node, "side", WHAT);
        if (side.isEmpty()) return null;
        return switch (side.get()) {
            case "buy" -> OrderSide.BUY;
            case "sell" -> OrderSide.SELL;
            default -> throw AlpacaJson.unreadable(WHAT, "side");
        };
    }
}
