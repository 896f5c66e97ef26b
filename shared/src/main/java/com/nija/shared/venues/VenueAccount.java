package com.nija.shared.venues;

import com.nija.shared.order.OrderSide;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a venue holds for a key, for reconciliation: balances per asset as the venue names them after
 * normalisation ({@code BTC}, never {@code XXBT}), and the orders still open, by client order id (empty when the order
 * was not placed by NIJA).
 */
public record VenueAccount(Map<String, BigDecimal> balances, List<OpenOrder> openOrders) {

    public VenueAccount {
        balances = Map.copyOf(balances);
        openOrders = List.copyOf(openOrders);
    }

    public record OpenOrder(String clientOrderId, String venueOrderId, String venueSymbol, OrderSide side,
                            BigDecimal quantity, BigDecimal filledQuantity, BigDecimal limitPrice) {}
}
