package com.nija.shared.signals;

import com.nija.shared.exits.ExitPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.engine.PriceLevel;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.trading.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a signal's {@code exits}: {@code {"targets":[{"price"|"percent": …, "fraction": …}, …], "breakevenAfter": n,
 * "trailing": {"percent"|"distance": …, "after": n}}}. Strict, since each rung becomes an order on the trader's money:
 * targets all prices or all percentages, in order away from the entry, fractions above 0 adding up to exactly 1; the
 * breakeven rung one that leaves something open; a trailing stop's activation rung one that exists. Every broken rule
 * is reported, naming its field ({@code exits.targets[1].fraction}).
 */
final class ExitPlanParser {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ExitPlanParser() {}

    /** Null when the signal has no {@code exits}. */
    static ExitPlan parse(List<Violation> v, JsonNode body, boolean opens, boolean isLong, BigDecimal reference,
                          PriceLevel stop, PriceLevel takeProfit) {
        JsonNode n = body.get("exits");
        if (n == null || n.isNull()) return null;
        if (!n.isObject()) {
            v.add(new Violation("exits", "must be an object with targets, breakevenAfter and trailing"));
            return null;
        }
        if (!opens) {
            v.add(new Violation("exits", "only a buy or a sell that opens a position carries exits"));
            return null;
        }
        int before = v.size();
        List<ExitPlan.Rung> ladder = ladder(v, n.get("targets"), isLong, reference, stop);
        if (!ladder.isEmpty() && takeProfit != null) {
            v.add(new Violation("takeProfit", "must be left out when exits.targets is given: the last target is the "
                    + "take-profit"));
        }
        Integer breakevenAfter = rung(v, n.get("breakevenAfter"), "exits.breakevenAfter", 1, ladder.size() - 1,
                "a target that leaves part of the position open (1 to " + (ladder.size() - 1) + ")");
        ExitPlan.Trailing trailing = trailing(v, n.get("trailing"), ladder.size());
        if (v.size() > before) return null;
        if (ladder.isEmpty() && breakevenAfter == null && trailing == null) {
            v.add(new Violation("exits", "must give targets, a trailing stop, or both"));
            return null;
        }
        return new ExitPlan(ladder, breakevenAfter, trailing);
    }

    private static List<ExitPlan.Rung> ladder(List<Violation> v, JsonNode n, boolean isLong, BigDecimal reference,
                                              PriceLevel stop) {
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray() || n.isEmpty() || n.size() > ExitPlan.MAX_RUNGS) {
            v.add(new Violation("exits.targets", "must be a list of 1 to " + ExitPlan.MAX_RUNGS + " targets"));
            return List.of();
        }
        List<ExitPlan.Rung> rungs = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < n.size(); i++) {
            String field = "exits.targets[" + i + "]";
            JsonNode t = n.get(i);
            PriceLevel target = target(v, t, field, isLong);
            BigDecimal fraction = t.isObject() ? Decimals.readPositive(t.get("fraction"))
                    .filter(f -> f.compareTo(BigDecimal.ONE) <= 0).orElse(null) : null;
            if (fraction == null) {
                v.add(new Violation(field + ".fraction", "must be above 0 and at most 1, " + Decimals.RULE));
            } else {
                sum = sum.add(fraction);
            }
            if (target != null && fraction != null) rungs.add(new ExitPlan.Rung(target.price(), target.percent(), fraction));
        }
        if (rungs.size() < n.size()) return List.of();
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            v.add(new Violation("exits.targets", "fractions must add up to exactly 1 (they add up to "
                    + sum.toPlainString() + ")"));
        }
        ordered(v, rungs, isLong, reference, stop);
        return rungs;
    }

    /** One target: {@code {"price": …}} or {@code {"percent": …}} with its fraction. */
    private static PriceLevel target(List<Violation> v, JsonNode t, String field, boolean isLong) {
        boolean price = t.isObject() && t.hasNonNull("price");
        boolean percent = t.isObject() && t.hasNonNull("percent");
        if (price == percent) {
            v.add(new Violation(field, "must be an object with either price or percent, and fraction"));
            return null;
        }
        if (price) {
            Optional<BigDecimal> p = Decimals.readPositive(t.get("price"));
            if (p.isEmpty()) v.add(new Violation(field + ".price", "must be a positive " + Decimals.RULE));
            return p.map(x -> new PriceLevel(x, null)).orElse(null);
        }
        Optional<BigDecimal> p = Decimals.readPositive(t.get("percent"))
                .filter(x -> isLong || x.compareTo(HUNDRED) < 0);
        if (p.isEmpty()) {
            v.add(new Violation(field + ".percent", "must be above 0" + (isLong ? "" : " and under 100 for a sell")
                    + " (it is the distance from the entry), " + Decimals.RULE));
        }
        return p.map(x -> new PriceLevel(null, x)).orElse(null);
    }

    /**
     * All prices or all percentages, each further from the entry than the one before (prices beyond the entry and the
     * stop where the signal gives them), so the rungs are reached in the order they are listed.
     */
    private static void ordered(List<Violation> v, List<ExitPlan.Rung> rungs, boolean isLong, BigDecimal reference,
                                PriceLevel stop) {
        boolean prices = rungs.get(0).price() != null;
        if (rungs.stream().anyMatch(r -> (r.price() != null) != prices)) {
            v.add(new Violation("exits.targets", "must be all prices or all percentages"));
            return;
        }
        for (int i = 1; i < rungs.size(); i++) {
            BigDecimal a = value(rungs.get(i - 1));
            BigDecimal b = value(rungs.get(i));
            boolean away = prices && !isLong ? b.compareTo(a) < 0 : b.compareTo(a) > 0;
            if (!away) {
                v.add(new Violation("exits.targets[" + i + "]", "must be further from the entry than target " + i
                        + " (" + (prices ? (isLong ? "above" : "below") : "a larger percentage") + ")"));
            }
        }
        if (!prices) return;
        BigDecimal first = rungs.get(0).price();
        String side = isLong ? "above" : "below";
        if (reference != null && (isLong ? first.compareTo(reference) <= 0 : first.compareTo(reference) >= 0)) {
            v.add(new Violation("exits.targets[0].price", "must be " + side + " the entry price "
                    + reference.toPlainString()));
        }
        if (stop != null && stop.price() != null
                && (isLong ? first.compareTo(stop.price()) <= 0 : first.compareTo(stop.price()) >= 0)) {
            v.add(new Violation("exits.targets[0].price", "must be " + side + " the stop-loss"));
        }
    }

    private static BigDecimal value(ExitPlan.Rung rung) {
        return rung.price() != null ? rung.price() : rung.percent();
    }

    private static ExitPlan.Trailing trailing(List<Violation> v, JsonNode n, int rungs) {
        if (n == null || n.isNull()) return null;
        boolean percent = n.isObject() && n.hasNonNull("percent");
        boolean distance = n.isObject() && n.hasNonNull("distance");
        if (percent == distance) {
            v.add(new Violation("exits.trailing", "must be an object with either percent or distance, and after"));
            return null;
        }
        Optional<BigDecimal> value = Decimals.readPositive(n.get(percent ? "percent" : "distance"))
                .filter(x -> !percent || x.compareTo(HUNDRED) < 0);
        if (value.isEmpty()) {
            v.add(new Violation("exits.trailing." + (percent ? "percent" : "distance"), percent
                    ? "must be above 0 and under 100, " + Decimals.RULE
                    : "must be a positive price distance, " + Decimals.RULE));
        }
        int maxAfter = Math.max(rungs - 1, 0);
        Integer after = n.hasNonNull("after") ? rung(v, n.get("after"), "exits.trailing.after", 0, maxAfter,
                "0 (from the entry) or a target that leaves part of the position open (0 to " + maxAfter + ")")
                : Integer.valueOf(0); // boxed: a null from rung() must not be unboxed
        if (value.isEmpty() || after == null) return null;
        return new ExitPlan.Trailing(percent ? value.get() : null, percent ? null : value.get(), after);
    }

    /** A rung number in {@code [min, max]}; null (and a violation unless absent) otherwise. */
    private static Integer rung(List<Violation> v, JsonNode n, String field, int min, int max, String rule) {
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
            v.add(new Violation(field, "must be " + (max < min ? "left out: no target leaves part of the position open"
                    : rule)));
            return null;
        }
        return n.intValue();
    }
}
