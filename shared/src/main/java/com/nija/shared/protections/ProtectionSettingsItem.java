package com.nija.shared.protections;

import java.math.BigDecimal;
import java.time.Instant;

/** A trader's saved protections ({@code USER#id / PROTECTIONS}), written with optimistic locking like their settings. */
public record ProtectionSettingsItem(String pk, String sk, BigDecimal drawdownWarnPct, BigDecimal drawdownStopPct,
                                     Integer stoplossGuardTrades, Integer stoplossGuardLookbackMinutes,
                                     Integer stoplossGuardStopMinutes, BigDecimal dailyProfitTarget,
                                     Instant updatedAt, Long version) {

    public ProtectionSettings settings() {
        return new ProtectionSettings(drawdownWarnPct, drawdownStopPct, stoplossGuardTrades,
                stoplossGuardLookbackMinutes, stoplossGuardStopMinutes, dailyProfitTarget, null, version, updatedAt);
    }

    /** The settings in force: the saved ones, or NIJA's defaults for a trader who never saved any. */
    public static ProtectionSettings inForce(ProtectionSettingsItem item) {
        return item == null ? ProtectionSettings.defaults() : item.settings();
    }
}
