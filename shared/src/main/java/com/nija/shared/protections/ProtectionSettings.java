package com.nija.shared.protections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A trader's protections as the API shows and accepts them.
 *
 * <ul>
 *   <li>{@code drawdownWarnPct} / {@code drawdownStopPct}: percent below the equity peak at which the trader is warned,
 *       and at which new entries stop (NIJA's 15 and 20);</li>
 *   <li>{@code stoplossGuardTrades}: losing stop-loss exits on one symbol within {@code stoplossGuardLookbackMinutes}
 *       that start a cooldown of {@code stoplossGuardStopMinutes} on it (Freqtrade's StoplossGuard {@code trade_limit},
 *       {@code lookback_period}, {@code stop_duration}); 0 turns the guard off;</li>
 *   <li>{@code dailyProfitTarget}: realized profit (USD) in a UTC day after which new entries stop; null: no target.</li>
 * </ul>
 * {@code resetPeak}: accepted on write only: restart the peak from the equity at the next entry decision (a trader
 * who reviewed a drawdown stop resumes this way). {@code version} 0: never saved (defaults).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProtectionSettings(BigDecimal drawdownWarnPct, BigDecimal drawdownStopPct, Integer stoplossGuardTrades,
                                 Integer stoplossGuardLookbackMinutes, Integer stoplossGuardStopMinutes,
                                 BigDecimal dailyProfitTarget, Boolean resetPeak, Long version, Instant updatedAt) {

    /** NIJA's defaults: warn at 15 %, stop at 20 %; 3 losing stops on a symbol within a day cool it for 4 hours. */
    public static ProtectionSettings defaults() {
        return new ProtectionSettings(new BigDecimal("15"), new BigDecimal("20"), 3, 1440, 240, null, null, 0L, null);
    }

    public boolean guardOn() {
        return stoplossGuardTrades != null && stoplossGuardTrades > 0;
    }

    public Duration lookback() {
        return Duration.ofMinutes(stoplossGuardLookbackMinutes);
    }

    public Duration cooldown() {
        return Duration.ofMinutes(stoplossGuardStopMinutes);
    }

    /** As the API returns them: {@code resetPeak} is an instruction, never stored or shown. */
    public ProtectionSettings shown() {
        return new ProtectionSettings(drawdownWarnPct, drawdownStopPct, stoplossGuardTrades,
                stoplossGuardLookbackMinutes, stoplossGuardStopMinutes, dailyProfitTarget, null, version, updatedAt);
    }
}
