package com.nija.shared.settings;

import com.nija.shared.account.TierLimits;
import com.nija.shared.input.InputLimits;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.trading.Decimals;
import com.nija.shared.trading.Symbols;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * NIJA's risk rules for settings: a position is at most 15% of equity, open positions at most the tier allows,
 * a positive daily loss limit, sane stop and target distances, known symbols. Returns the settings normalized
 * (symbols canonical and de-duplicated) or throws with every violation.
 */
public final class RiskSettingsValidator {
    static final BigDecimal MAX_POSITION_PCT = new BigDecimal("15");
    static final BigDecimal MAX_STOP_LOSS_PCT = new BigDecimal("50");
    static final BigDecimal MAX_TAKE_PROFIT_PCT = new BigDecimal("1000");
    static final BigDecimal MAX_DAILY_LOSS = new BigDecimal("1000000");
    static final int MAX_SYMBOLS = 100;
    static final int HARD_MAX_OPEN_POSITIONS = 500;
    static final int MAX_SUBSCRIPTIONS = 50;

    private RiskSettingsValidator() {}

    public static RiskSettings validate(RiskSettings in, TierLimits tier) {
        List<Violation> v = new ArrayList<>();
        range(v, "positionSizePct", in.positionSizePct(), MAX_POSITION_PCT, true);
        int planMax = planMaxOpenPositions(tier);
        if (in.maxOpenPositions() == null) {
            v.add(new Violation("maxOpenPositions", "is required"));
        } else if (in.maxOpenPositions() < 1 || in.maxOpenPositions() > planMax) {
            v.add(new Violation("maxOpenPositions", "must be between 1 and " + planMax + " on your plan"));
        }
        range(v, "dailyLossLimit", in.dailyLossLimit(), MAX_DAILY_LOSS, true);
        range(v, "stopLossPct", in.stopLossPct(), MAX_STOP_LOSS_PCT, false);
        range(v, "takeProfitPct", in.takeProfitPct(), MAX_TAKE_PROFIT_PCT, false);
        List<String> symbols = symbols(v, in.allowedSymbols());
        List<String> subscriptions = subscriptions(v, in.subscriptions());
        if (in.allowShorts() == null) v.add(new Violation("allowShorts", "is required (true or false)"));
        if (in.tradingEnabled() == null) v.add(new Violation("tradingEnabled", "is required (true or false)"));
        if (!v.isEmpty()) throw new InvalidInputException(v, true);
        return new RiskSettings(in.positionSizePct(), in.maxOpenPositions(), in.dailyLossLimit(), symbols,
                in.stopLossPct(), in.takeProfitPct(), in.allowShorts(), in.tradingEnabled(), subscriptions,
                in.version(), in.updatedAt());
    }

    /** The plan's cap on open positions; a plan without one (-1 or absent) still gets NIJA's hard cap. */
    public static int planMaxOpenPositions(TierLimits tier) {
        Integer max = tier.maxOpenPositions();
        return max == null || max < 0 ? HARD_MAX_OPEN_POSITIONS : max;
    }

    private static void range(List<Violation> v, String field, BigDecimal value, BigDecimal max, boolean required) {
        if (value == null) {
            if (required) v.add(new Violation(field, "is required"));
        } else if (!Decimals.inBounds(value)) {
            v.add(new Violation(field, "must be " + Decimals.RULE));
        } else if (value.signum() <= 0 || value.compareTo(max) > 0) {
            v.add(new Violation(field, "must be greater than 0 and at most " + max.toPlainString()));
        } else if (value.scale() > 4) {
            v.add(new Violation(field, "has more than 4 decimal places"));
        }
    }

    private static List<String> subscriptions(List<Violation> v, List<String> raw) {
        if (raw == null) return List.of();
        if (raw.size() > MAX_SUBSCRIPTIONS) {
            v.add(new Violation("subscriptions", "at most " + MAX_SUBSCRIPTIONS + " sources"));
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : raw) {
            if (!InputLimits.Id.SOURCE.accepts(s)) {
                v.add(new Violation("subscriptions", "each must be a signal source id: " + InputLimits.Id.SOURCE.rule()));
            } else {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> symbols(List<Violation> v, List<String> raw) {
        if (raw == null) return List.of();
        if (raw.size() > MAX_SYMBOLS) {
            v.add(new Violation("allowedSymbols", "at most " + MAX_SYMBOLS + " symbols"));
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : raw) {
            Optional<String> symbol = Symbols.normalize(s);
            if (symbol.isEmpty()) v.add(new Violation("allowedSymbols", "'" + s + "' is not a market symbol like BTC-USD"));
            else out.add(symbol.get());
        }
        return List.copyOf(out);
    }
}
