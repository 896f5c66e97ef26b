package com.nija.shared.protections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The protections' arithmetic and refusal texts. Pure: the same inputs always give the same answer. */
public final class ProtectionRules {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ProtectionRules() {}

    /** Percent {@code equity} is below {@code peak}, 2 decimals rounded down; 0 at or above the peak or without one. */
    public static BigDecimal drawdownPct(BigDecimal peak, BigDecimal equity) {
        if (peak == null || peak.signum() <= 0 || equity.compareTo(peak) >= 0) return BigDecimal.ZERO.setScale(2);
        return peak.subtract(equity).multiply(HUNDRED).divide(peak, 2, RoundingMode.DOWN);
    }

    /** The peak after seeing {@code equity}: never lower than it was; a restarted (null) peak starts here. */
    public static BigDecimal peakAfter(BigDecimal peak, BigDecimal equity) {
        return peak == null || equity.compareTo(peak) > 0 ? equity : peak;
    }

    /** The UTC day of {@code at} (the day roll-ups and the daily loss limit use too). */
    public static String utcDay(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** Whether today's realized profit reached the target (no target: never). */
    public static boolean profitTargetReached(ProtectionSettings settings, BigDecimal todayRealized) {
        return settings.dailyProfitTarget() != null && todayRealized.compareTo(settings.dailyProfitTarget()) >= 0;
    }

    /** When new entries on {@code symbol} resume, if it is cooling down at {@code now}. */
    public static Optional<Instant> coolingUntil(ProtectionStateItem state, String symbol, Instant now) {
        Long until = state.cooling().get(symbol);
        return until != null && until > now.getEpochSecond() ? Optional.of(Instant.ofEpochSecond(until)) : Optional.empty();
    }

    public static String drawdownStop(BigDecimal equity, BigDecimal peak, BigDecimal pct, ProtectionSettings s) {
        return ProtectionKind.DRAWDOWN_STOP.slug() + ": equity " + money(equity) + " is " + pct.toPlainString()
                + "% below its peak of " + money(peak) + "; new entries stop at " + s.drawdownStopPct().toPlainString()
                + "% (raise the limit or restart the peak in protections to resume)";
    }

    public static String drawdownWarning(BigDecimal equity, BigDecimal peak, BigDecimal pct, ProtectionSettings s) {
        return ProtectionKind.DRAWDOWN_WARNING.slug() + ": equity " + money(equity) + " is " + pct.toPlainString()
                + "% below its peak of " + money(peak) + " (warning at " + s.drawdownWarnPct().toPlainString()
                + "%, new entries stop at " + s.drawdownStopPct().toPlainString() + "%)";
    }

    public static String cooldown(String symbol, Instant until, ProtectionSettings s) {
        return ProtectionKind.STOPLOSS_GUARD.slug() + ": " + s.stoplossGuardTrades() + " losing stop-losses on " + symbol
                + " within " + s.stoplossGuardLookbackMinutes() + " minutes; new " + symbol + " entries resume at " + until;
    }

    public static String profitTarget(BigDecimal todayRealized, ProtectionSettings s) {
        return ProtectionKind.DAILY_PROFIT_TARGET.slug() + ": today's realized profit " + money(todayRealized)
                + " reached the daily target of " + money(s.dailyProfitTarget()) + "; new entries resume tomorrow (UTC)";
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
