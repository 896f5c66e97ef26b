package com.nija.shared.venues.okx;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.BrokerException.Kind;
import com.nija.shared.broker.Fill;
import com.nija.shared.order.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as OKX's "GET / Order details" and "GET / Order List" describe it (docs-v5 "Order Book Trading › Trade"):
 * spot sizes and fills in the base currency, {@code fee} negative when charged (a rebate is positive) in
 * {@code feeCurrency} — the currency received for most orders, the quote for a maker sell.
 */
record OkxOrder(String clientOrderId, String orderId, String instId, OrderSide side, String state, BigDecimal size,
                BigDecimal filled, BigDecimal averagePrice, BigDecimal limitPrice, BigDecimal fee, String feeCurrency,
                Instant updated, Instant lastFill) {

    static final String LIVE = "live";
    static final String PARTIALLY_FILLED = "partially_filled";
    static final String FILLED = "filled";
    static final String CANCELED = "canceled";
    static final String MMP_CANCELED = "mmp_canceled";

    /**
     * What the engine sees: filled; done with less (cancelled after a partial fill); or resting while it is still on
     * the book, a partial fill included, since it may fill further. A cancelled order that filled nothing is a refusal.
     */
    Fill toFill() {
        return switch (state) {
            case FILLED -> done(Fill.Status.FILLED);
            case CANCELED, MMP_CANCELED -> {
                if (filled.signum() > 0) yield done(Fill.Status.PARTIALLY_FILLED);
                throw new BrokerException(Kind.REJECTED, "OKX cancelled order " + clientOrderId + " with nothing filled");
            }
            default -> new Fill(clientOrderId, Fill.Status.RESTING, size, limitPrice, BigDecimal.ZERO, updated,
                    orderId);
        };
    }

    private Fill done(Fill.Status status) {
        if (filled.signum() <= 0) throw OkxResponses.unreadable("accFillSz of a " + state + " order");
        if (averagePrice == null || averagePrice.signum() <= 0) {
            throw OkxResponses.unreadable("avgPx of a " + state + " order");
        }
        return new Fill(clientOrderId, status, filled, averagePrice, feeInQuote(),
                lastFill != null ? lastFill : updated, orderId);
    }

    /** The fee charged, in the quote currency: a fee in the base currency is worth its amount at the average price. */
    BigDecimal feeInQuote() {
        if (fee == null || fee.signum() == 0) return BigDecimal.ZERO;
        BigDecimal charged = fee.negate();
        int dash = instId.indexOf('-');
        if (feeCurrency.equals(instId.substring(dash + 1))) return charged;
        if (feeCurrency.equals(instId.substring(0, dash))) return charged.multiply(averagePrice);
        throw OkxResponses.unreadable("feeCcy of " + instId + " (neither its base nor its quote)");
    }
}
