package com.nija.shared.engine;

import com.nija.shared.data.PositionItem;
import java.math.BigDecimal;

/**
 * What the engine decided for one trader: an order to send ({@code refusal} null), or why not.
 * {@code closing} is the position a CLOSE order exits.
 */
public record OrderPlan(String intent, String side, BigDecimal quantity, BigDecimal notional, String orderType,
                        BigDecimal limitPrice, BigDecimal stopLoss, BigDecimal takeProfit, PositionItem closing,
                        String refusal) {

    public static OrderPlan refuse(String reason) {
        return new OrderPlan(null, null, null, null, null, null, null, null, null, reason);
    }

    public boolean refused() {
        return refusal != null;
    }
}
