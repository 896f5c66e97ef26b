package com.nija.shared.reconcile;

import java.math.BigDecimal;

/** An open position the engine placed at a live venue: what the trader should hold there because of it. */
public record LiveHolding(String positionId, String venue, String symbol, String side, BigDecimal quantity) {

    /** Spot venues hold what a long position bought; a short holds nothing there. */
    public boolean holdsBase() {
        return "LONG".equals(side);
    }
}
