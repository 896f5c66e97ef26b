package com.nija.shared.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A trader's risk settings and the signal sources they follow. {@code gsi2pk/gsi2sk} are set only while trading
 * is enabled, so the enabled-by-shard index holds exactly the traders a signal may fan out to, with everything
 * fan-out filters on (symbols, subscriptions) projected: no per-trader read.
 */
public record SettingsItem(String pk, String sk, BigDecimal positionSizePct, Integer maxOpenPositions,
                           BigDecimal dailyLossLimit, List<String> allowedSymbols, BigDecimal stopLossPct,
                           BigDecimal takeProfitPct, Boolean allowShorts, Boolean tradingEnabled,
                           List<String> subscriptions, String gsi2pk, String gsi2sk, Instant updatedAt, Long version) {}
