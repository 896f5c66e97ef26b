package com.nija.shared.venues;

import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;

/**
 * An order as a venue receives it: the venue's symbol, the quantity rounded to its size step, the limit rounded to
 * its tick (limit orders only), and the client order id in the venue's format ({@link ClientOrderIds}), derived from
 * NIJA's order id {@code orderId} so a retry names the same order.
 */
public record VenueOrder(String orderId, String clientOrderId, String venueSymbol, OrderSide side, OrderType orderType,
                         BigDecimal quantity, BigDecimal limitPrice) {}
