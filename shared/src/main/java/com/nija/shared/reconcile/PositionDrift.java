package com.nija.shared.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The venue holds less of an asset than the trader's open live positions there add up to: what the trader sees in
 * the {@code position.drift} push. Nothing is traded to fix it: the trader (or support) decides.
 *
 * @param expected    the quantity the open positions hold
 * @param held        the venue's balance of the asset
 * @param missing     {@code expected − held}
 * @param positionIds the open positions of that asset at that venue
 * @param openOrders  orders still open at the venue on the asset's markets (their fills may explain part of it)
 */
public record PositionDrift(String venue, String asset, BigDecimal expected, BigDecimal held, BigDecimal missing,
                            List<String> positionIds, int openOrders, Instant detectedAt) {

    public PositionDrift {
        positionIds = List.copyOf(positionIds);
    }
}
