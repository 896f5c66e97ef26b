package com.nija.shared.settings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A trader's risk settings as the API shows and accepts them. {@code allowedSymbols} empty means every market;
 * {@code stopLossPct}/{@code takeProfitPct} null means no default stop or target. {@code version} 0 means
 * never saved (defaults). {@code subscriptions}: ids of the signal sources whose signals trade for this trader.
 */
public record RiskSettings(BigDecimal positionSizePct, Integer maxOpenPositions, BigDecimal dailyLossLimit,
                           List<String> allowedSymbols, BigDecimal stopLossPct, BigDecimal takeProfitPct,
                           Boolean allowShorts, Boolean tradingEnabled, List<String> subscriptions, Long version,
                           Instant updatedAt) {

    /** NIJA's risk defaults for a new trader: 2% positions, $500 daily loss limit, trading off until switched on. */
    public static RiskSettings defaults(int maxOpenPositions) {
        return new RiskSettings(new BigDecimal("2"), maxOpenPositions, new BigDecimal("500"), List.of(),
                null, null, false, false, List.of(), 0L, null);
    }

    /** These settings with trading switched on or off. */
    public RiskSettings withTradingEnabled(boolean enabled) {
        return new RiskSettings(positionSizePct, maxOpenPositions, dailyLossLimit, allowedSymbols, stopLossPct,
                takeProfitPct, allowShorts, enabled, subscriptions, version, updatedAt);
    }
}
