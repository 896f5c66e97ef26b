package com.nija.shared.protections;

import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.trading.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules for protections: 0 &lt; warn &lt; stop ≤ 100 (percent, at most 4 decimals); the guard's count 0–100 (0 off)
 * and its window and cooldown 1 minute to 30 days; a profit target, when set, positive. Every violation names its field.
 */
public final class ProtectionSettingsValidator {
    static final BigDecimal HUNDRED = new BigDecimal("100");
    static final int MAX_GUARD_TRADES = 100;
    static final int MAX_MINUTES = 30 * 24 * 60;
    static final BigDecimal MAX_PROFIT_TARGET = new BigDecimal("10000000");

    private ProtectionSettingsValidator() {}

    public static ProtectionSettings validate(ProtectionSettings in) {
        List<Violation> v = new ArrayList<>();
        boolean warnOk = percent(v, "drawdownWarnPct", in.drawdownWarnPct());
        boolean stopOk = percent(v, "drawdownStopPct", in.drawdownStopPct());
        if (warnOk && stopOk && in.drawdownWarnPct().compareTo(in.drawdownStopPct()) >= 0) {
            v.add(new Violation("drawdownWarnPct", "must be below drawdownStopPct"));
        }
        count(v, "stoplossGuardTrades", in.stoplossGuardTrades(), 0, MAX_GUARD_TRADES);
        count(v, "stoplossGuardLookbackMinutes", in.stoplossGuardLookbackMinutes(), 1, MAX_MINUTES);
        count(v, "stoplossGuardStopMinutes", in.stoplossGuardStopMinutes(), 1, MAX_MINUTES);
        BigDecimal target = in.dailyProfitTarget();
        if (target != null) {
            if (!Decimals.inBounds(target)) v.add(new Violation("dailyProfitTarget", "must be " + Decimals.RULE));
            else if (target.signum() <= 0 || target.compareTo(MAX_PROFIT_TARGET) > 0) {
                v.add(new Violation("dailyProfitTarget", "must be greater than 0 and at most "
                        + MAX_PROFIT_TARGET.toPlainString() + ", or null for no target"));
            } else if (target.scale() > 2) v.add(new Violation("dailyProfitTarget", "has more than 2 decimal places"));
        }
        if (!v.isEmpty()) throw new InvalidInputException(v, true);
        return in;
    }

    private static boolean percent(List<Violation> v, String field, BigDecimal value) {
        if (value == null) {
            v.add(new Violation(field, "is required"));
        } else if (!Decimals.inBounds(value)) {
            v.add(new Violation(field, "must be " + Decimals.RULE));
        } else if (value.signum() <= 0 || value.compareTo(HUNDRED) > 0) {
            v.add(new Violation(field, "must be greater than 0 and at most 100"));
        } else if (value.scale() > 4) {
            v.add(new Violation(field, "has more than 4 decimal places"));
        } else {
            return true;
        }
        return false;
    }

    private static void count(List<Violation> v, String field, Integer value, int min, int max) {
        if (value == null) v.add(new Violation(field, "is required"));
        else if (value < min || value > max) v.add(new Violation(field, "must be between " + min + " and " + max));
    }
}
