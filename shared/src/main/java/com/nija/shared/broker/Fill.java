package com.nija.shared.broker;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A broker's answer: filled at a price with a fee, accepted and resting (limit not yet crossed), or partially filled
 * and done (the rest cancelled or expired at the venue: {@code quantity} is what filled, the position holds that).
 */
public record Fill(String clientOrderId, Status status, BigDecimal quantity, BigDecimal price, BigDecimal fee,
                   Instant at) {
    public enum Status { FILLED, RESTING, PARTIALLY_FILLED }
}
