package com.nija.shared.data;

import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The paper broker's own book (the "exchange side"), keyed by client order id so placing twice is idempotent
 * and a retry can look an order up. Resting limit orders carry {@code gsi1pk = RESTING#<symbol>}, so a price update
 * finds them; a filled or cancelled one carries no index keys.
 */
public record PaperOrderItem(String pk, String sk, String clientOrderId, String userId, String symbol, OrderSide side,
                             OrderType orderType, BigDecimal quantity, BigDecimal limitPrice, OrderStatus status,
                             BigDecimal price, BigDecimal fee, Instant filledAt, Instant createdAt,
                             String gsi1pk, String gsi1sk, Long expiresAt) {

    /** This order withdrawn: out of the resting index, with no execution. */
    public PaperOrderItem cancelled() {
        return new PaperOrderItem(pk, sk, clientOrderId, userId, symbol, side, orderType, quantity, limitPrice,
                OrderStatus.CANCELLED, null, null, null, createdAt, null, null, expiresAt);
    }
}
