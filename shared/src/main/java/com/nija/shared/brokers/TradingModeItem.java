package com.nija.shared.brokers;

import java.time.Instant;

/**
 * A trader's trading mode ({@code sk = MODE}); no item means {@link TradingMode#PAPER}. {@code venue}: the live
 * venue new orders go to (live only); {@code acknowledgedAt}: when the trader acknowledged the risk of live trading.
 */
public record TradingModeItem(String pk, String sk, String userId, TradingMode mode, String venue,
                              Instant acknowledgedAt, Instant changedAt, Long version) {}
