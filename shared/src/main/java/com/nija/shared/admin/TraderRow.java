package com.nija.shared.admin;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trader as the admins' directory lists them. {@code lastOrder} is the trader's newest fill (null before their
 * first); nothing here is, or hints at, a broker key.
 */
public record TraderRow(String id, String tier, String subscriptionStatus, String mode, String venue,
                        String botState, int openPositions, BigDecimal equity, LastOrder lastOrder) {

    public record LastOrder(String orderId, String symbol, String side, Instant at) {}
}
