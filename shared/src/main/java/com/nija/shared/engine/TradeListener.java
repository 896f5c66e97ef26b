package com.nija.shared.engine;

import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import java.math.BigDecimal;

/** Told about every order the engine records and every bot it pauses (live pushes hook in here); must never throw. */
public interface TradeListener {
    /**
     * An order filled and was applied: {@code position} is the position as the fill left it (opened, or closed),
     * {@code realizedPnl} is set for closes.
     */
    default void filled(OrderItem order, PositionItem position, BigDecimal realizedPnl) {}

    /** An order was recorded without a fill (refused, failed, resting). */
    default void recorded(OrderItem order) {}

    /** The engine paused the trader's bot (repeated broker errors); {@code reason} says why, for the trader. */
    default void botPaused(String userId, String reason) {}
}
