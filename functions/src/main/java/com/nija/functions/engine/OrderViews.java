package com.nija.functions.engine;

import com.nija.shared.data.OrderItem;
import com.nija.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An order as the API shows it: no keys or internal attributes; its enums by name. A live order also shows its venue
 * and the ids it has there; a partial fill says so and what was asked ({@code quantity} is what filled). Paper orders
 * read as before. A scale-out names its ladder {@code rung}; an opening order shows the signal's exit plan
 * ({@code exits}); every order a signal caused shows the signal's {@code explanation} (a JSON object, at most 4,096
 * characters as sent).
 */
final class OrderViews {
    private OrderViews() {}

    static Map<String, Object> of(OrderItem o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("orderId", o.orderId());
        v.put("status", o.status().name());
        if (o.reason() != null) v.put("reason", o.reason());
        v.put("symbol", o.symbol());
        v.put("side", o.side().name());
        if (o.intent() != null) v.put("intent", o.intent().name());
        if (o.positionId() != null) v.put("positionId", o.positionId());
        v.put("orderType", o.orderType().name());
        if (o.limitPrice() != null) v.put("limitPrice", o.limitPrice());
        if (o.quantity() != null) v.put("quantity", o.quantity());
        if (o.fillPrice() != null) v.put("fillPrice", o.fillPrice());
        if (o.fee() != null) v.put("fee", o.fee());
        if (o.stopLoss() != null) v.put("stopLoss", o.stopLoss());
        if (o.takeProfit() != null) v.put("takeProfit", o.takeProfit());
        v.put("signalId", o.signalId());
        v.put("source", o.source());
        v.put("strategy", o.strategy());
        v.put("createdAt", o.createdAt());
        if (o.filledAt() != null) v.put("filledAt", o.filledAt());
        if (Boolean.TRUE.equals(o.partial())) {
            v.put("partial", true);
            v.put("requestedQuantity", o.requestedQuantity());
        }
        if (o.rung() != null) v.put("rung", o.rung());
        if (o.exitPlan() != null) v.put("exits", Json.readTree(o.exitPlan()).orElse(null));
        if (o.explanation() != null) v.put("explanation", Json.readTree(o.explanation()).orElse(null));
        if (o.venue() != null) {
            v.put("venue", o.venue());
            v.put("clientOrderId", o.clientOrderId());
            if (o.venueOrderId() != null) v.put("venueOrderId", o.venueOrderId());
        }
        return v;
    }
}
