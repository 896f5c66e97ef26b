package com.nija.shared.strategy;

import com.nija.shared.exits.ExitPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How an APEX position is managed after entry, bar by bar: the take-profit ladder closes its share of the opening
 * size at each rung; after the first rung the stop moves to breakeven; after the second a trailing stop follows the
 * best price at {@code trailingAtrMultiple} × ATR (never loosening); the stop closes what is left. Used by the
 * backtest and as the reference the engine's scale-outs are checked against. Mutable, one per position.
 */
public final class ApexTradePlan {
    /** The stop moves to the entry once this many targets are reached. */
    public static final int BREAKEVEN_AFTER = 1;
    /** The trailing stop follows the best price once this many targets are reached. */
    public static final int TRAILING_AFTER = 2;

    /** One partial or final close: {@code fraction} of the opening size at {@code price}. */
    public record Exit(String why, BigDecimal price, BigDecimal fraction) {}

    private final boolean longSide;
    private final BigDecimal entry;
    private final List<BigDecimal> targets;
    private final List<BigDecimal> fractions;
    private final double trailingAtrMultiple;
    private BigDecimal stop;
    private int rungsHit;
    private BigDecimal best;
    private BigDecimal open = BigDecimal.ONE;

    public ApexTradePlan(ApexDecision decision, ApexParameters parameters) {
        if (decision.action() != ApexDecision.Action.BUY && decision.action() != ApexDecision.Action.SELL) {
            throw new IllegalArgumentException("a plan starts from an entry, not " + decision.action());
        }
        this.longSide = decision.action() == ApexDecision.Action.BUY;
        this.entry = decision.entry();
        this.stop = decision.stop();
        this.targets = decision.targets();
        this.fractions = parameters.targets().stream()
                .map(t -> BigDecimal.valueOf(t.exitPercent()).movePointLeft(2)).toList();
        this.trailingAtrMultiple = parameters.trailingAtrMultiple();
        this.best = entry;
    }

    public BigDecimal stop() {
        return stop;
    }

    /** What is still open, as a fraction of the opening size. */
    public BigDecimal openFraction() {
        return open;
    }

    public boolean closed() {
        return open.signum() == 0;
    }

    /**
     * The exits one bar causes. A bar that reaches both the stop and a target is taken as stopped first (the
     * cautious reading of an OHLC bar, which does not say which came first).
     */
    public List<Exit> onBar(BigDecimal high, BigDecimal low, BigDecimal atr) {
        List<Exit> exits = new ArrayList<>();
        if (closed()) return exits;
        if (longSide ? low.compareTo(stop) <= 0 : high.compareTo(stop) >= 0) {
            exits.add(new Exit(rungsHit == 0 ? "stop" : rungsHit == 1 ? "breakeven" : "trailing", stop, open));
            open = BigDecimal.ZERO;
            return exits;
        }
        while (rungsHit < targets.size() && reached(targets.get(rungsHit), high, low)) {
            BigDecimal fraction = rungsHit == targets.size() - 1 ? open : fractions.get(rungsHit).min(open);
            exits.add(new Exit("target" + (rungsHit + 1), targets.get(rungsHit), fraction));
            open = open.subtract(fraction);
            rungsHit++;
            if (rungsHit == BREAKEVEN_AFTER) stop = entry;
        }
        best = longSide ? best.max(high) : best.min(low);
        if (rungsHit >= TRAILING_AFTER && !closed()) {
            BigDecimal distance = atr.multiply(BigDecimal.valueOf(trailingAtrMultiple));
            BigDecimal trail = (longSide ? best.subtract(distance) : best.add(distance)).setScale(8, RoundingMode.HALF_UP);
            if (longSide ? trail.compareTo(stop) > 0 : trail.compareTo(stop) < 0) stop = trail;
        }
        return exits;
    }

    /**
     * This plan in the engine's terms, for a decision whose ATR is {@code atr}: the decision's targets with the
     * parameters' exit shares, breakeven after {@value #BREAKEVEN_AFTER}, a trailing stop of
     * {@link #trailingDistance} after {@value #TRAILING_AFTER} (none without an ATR, or with too few targets). What the
     * scan sends with its signals, so the engine manages every subscriber's position as this class does.
     */
    public static ExitPlan exitPlan(ApexDecision decision, ApexParameters parameters, BigDecimal atr) {
        List<ExitPlan.Rung> ladder = new ArrayList<>();
        for (int i = 0; i < decision.targets().size(); i++) {
            ladder.add(new ExitPlan.Rung(decision.targets().get(i), null,
                    BigDecimal.valueOf(parameters.targets().get(i).exitPercent()).movePointLeft(2)));
        }
        Integer breakeven = ladder.size() > BREAKEVEN_AFTER ? BREAKEVEN_AFTER : null;
        ExitPlan.Trailing trailing = atr != null && atr.signum() > 0 && ladder.size() > TRAILING_AFTER
                ? new ExitPlan.Trailing(null, trailingDistance(atr, parameters.trailingAtrMultiple()), TRAILING_AFTER)
                : null;
        return new ExitPlan(ladder, breakeven, trailing);
    }

    /**
     * How far a trailing stop follows the best price when sent as a distance (the engine's exit plan): ATR ×
     * {@code multiple}, to the 8 decimal places this plan rounds its trailing stop to.
     */
    public static BigDecimal trailingDistance(BigDecimal atr, double multiple) {
        return atr.multiply(BigDecimal.valueOf(multiple)).setScale(8, RoundingMode.HALF_UP);
    }

    private boolean reached(BigDecimal target, BigDecimal high, BigDecimal low) {
        return longSide ? high.compareTo(target) >= 0 : low.compareTo(target) <= 0;
    }
}
