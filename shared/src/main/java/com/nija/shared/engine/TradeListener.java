package com.nija.shared.engine;

import com.nija.shared.data.OrderItem;
import java.math.BigDecimal;

/** Told about every order the engine records (live pushes hook in here); must never throw into the engine. */
public interface TradeListener {
    /** An order filled and was applied; {@code realizedPnl} is set for closes. */
    default void filled(OrderItem order, BigDecimal realizedPnl) {}

    /** An order was recorded without a fill (refused, failed, resting). */
    default void recorded(OrderItem order) {}
}
