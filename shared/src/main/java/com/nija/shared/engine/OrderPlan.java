package com.nija.shared.engine;

import com.nija.shared.data.PositionItem;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;

/**
 * What the engine decided for one trader: an order to send ({@code refusal} null), or why not.
 * {@code closing} is the position a CLOSE order exits.
 */
public record OrderPlan(OrderIntent intent, OrderSide side, BigDecimal quantity, BigDecimal notional,
                        OrderType orderType, BigDecimal limitPrice, BigDecimal stopLoss, BigDecimal takeProfit,
                        PositionItem closing, String refusal) {

    public static OrderPlan refuse(String reason) {
        return new OrderPlan(null, null, null, null, null, null, null, null, null, reason);
    }

    /** A market order that closes all of {@code position}. */
    public static OrderPlan close(PositionItem position, boolean isLong) {
        return new OrderPlan(OrderIntent.CLOSE, OrderSide.of(!isLong), position.quantity(), null, OrderType.MARKET,
                null, null, null, position, null);
    }

    public boolean refused() {
        return refusal != null;
    }
}
