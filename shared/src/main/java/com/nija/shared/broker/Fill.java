package com.nija.shared.broker;

import java.math.BigDecimal;
import java.time.Instant;

/** A broker's answer: filled at a price with a fee, or accepted and resting (limit not yet crossed). */
public record Fill(String clientOrderId, Status status, BigDecimal quantity, BigDecimal price, BigDecimal fee,
                   Instant at) {
    public enum Status { FILLED, RESTING }
}
