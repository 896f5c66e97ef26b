package com.nija.shared.protections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/protections}: the settings in force and where the trader stands against them. {@code equityPeak}
 * null: no entry decided since the peak (re)started. {@code coolingDown}: the symbols whose new entries wait, and
 * until when. {@code profitTargetReachedToday}: the daily target stopped entries this UTC day. {@code trips}: the
 * latest protections that fired, newest first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProtectionsView(ProtectionSettings settings, BigDecimal equityPeak, Instant peakAt,
                              DrawdownLevel drawdownLevel, List<Cooldown> coolingDown,
                              boolean profitTargetReachedToday, List<ProtectionTrip> trips) {

    public record Cooldown(String symbol, Instant until) {}
}
