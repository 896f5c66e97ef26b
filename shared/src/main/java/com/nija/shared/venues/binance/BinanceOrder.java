package com.nija.shared.venues.binance;

import com.nija.shared.order.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An order as Binance reports it (new order FULL answer, query order, open orders). {@code cummulativeQuoteQty} is
 * empty when Binance does not have it ("For some historical orders cummulativeQuoteQty will be < 0"); {@code fills}
 * is empty when the answer carries none (a query never does).
 */
record BinanceOrder(String symbol, long orderId, String clientOrderId, Status status, OrderSide side,
                    BigDecimal origQty, BigDecimal executedQty, Optional<BigDecimal> cummulativeQuoteQty,
                    BigDecimal price, Instant updatedAt, List<BinanceTrade> fills) {

    BinanceOrder {
        fills = List.copyOf(fills);
    }

    /** Binance's order statuses (enums.md "Order status"), grouped by what they mean for the engine. */
    enum Status {
        NEW, PENDING_NEW, PARTIALLY_FILLED, PENDING_CANCEL, FILLED, CANCELED, EXPIRED, EXPIRED_IN_MATCH, REJECTED;

        /** Still working on the book: it may fill further or be cancelled. */
        boolean open() {
            return this == NEW || this == PENDING_NEW || this == PARTIALLY_FILLED || this == PENDING_CANCEL;
        }
    }

    boolean filledAny() {
        return executedQty.signum() > 0;
    }

    /** Done at the venue (filled, cancelled, expired, rejected) with nothing filled. */
    boolean doneEmpty() {
        return !status.open() && !filledAny();
    }

    /** A limit order's price; empty for a market order (Binance answers price 0). */
    Optional<BigDecimal> limitPrice() {
        return price.signum() > 0 ? Optional.of(price) : Optional.empty();
    }
}
