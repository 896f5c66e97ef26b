package com.nija.shared.broker;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A broker's answer: filled at a price with a fee, accepted and resting (limit not yet crossed, or a market order not
 * yet executed), or partially filled and done (the rest cancelled or expired at the venue: {@code quantity} is what
 * filled, the position holds that). {@code venueOrderId}: the venue's own id of the order, for the audit record (null
 * for the paper broker).
 */
public record Fill(String clientOrderId, Status status, BigDecimal quantity, BigDecimal price, BigDecimal fee,
                   Instant at, String venueOrderId) {
    public enum Status { FILLED, RESTING, PARTIALLY_FILLED }

    /** A fill that names no venue order (the paper broker's). */
    public Fill(String clientOrderId, Status status, BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant at) {
        this(clientOrderId, status, quantity, price, fee, at, null);
    }

    /** This fill under another client order id (a venue's answer mapped back to NIJA's order id). */
    public Fill forOrder(String orderId) {
        return new Fill(orderId, status, quantity, price, fee, at, venueOrderId);
    }
}
