package com.nija.shared.engine;

import com.nija.shared.exits.ExitPlan;
import com.nija.shared.exits.PositionExits;
import com.nija.shared.account.BotState;
import com.nija.shared.data.PositionItem;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import com.nija.shared.settings.RiskSettings;
import com.nija.shared.trading.AccountValuation;
import com.nija.shared.trading.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * NIJA's per-trader rules, in order: kill switches, the trader's own switches, plan entitlements, allowed symbol,
 * what the action means given the open position, daily loss limit, max open positions, then the size. Pure:
 * the same state and signal always give the same plan.
 */
public final class RiskPlanner {
    /** Product rule: a position is never above 15% of equity … */
    static final BigDecimal MAX_POSITION_PCT = new BigDecimal("15");
    /** … nor above $10,000. */
    static final BigDecimal MAX_POSITION_USD = new BigDecimal("10000");

    private RiskPlanner() {}

    public static OrderPlan plan(Signal signal, TraderState s, Optional<String> killSwitch) {
        if (killSwitch.isPresent()) return OrderPlan.refuse("kill switch engaged: " + killSwitch.get());
        RiskSettings settings = s.settings();
        if (BotState.PAUSED.name().equals(s.profile().botState())) return OrderPlan.refuse("bot is paused");
        if (!Boolean.TRUE.equals(settings.tradingEnabled())) return OrderPlan.refuse("trading is disabled in settings");
        if (!s.tier().allowsStrategy(signal.strategy())) {
            return OrderPlan.refuse("your plan does not include strategy " + signal.strategy());
        }
        if (!settings.allowedSymbols().isEmpty() && !settings.allowedSymbols().contains(signal.symbol())) {
            return OrderPlan.refuse(signal.symbol() + " is not in your allowed symbols");
        }
        SignalAction action = signal.action();
        if (action == SignalAction.EXIT) return planClose(signal.symbol(), s);
        PositionItem open = openOn(signal.symbol(), s);
        if (open != null) {
            boolean isLong = Side.LONG.name().equals(open.side());
            if ((action == SignalAction.BUY) != isLong) return close(open); // buy covers a short, sell exits a long
            return OrderPlan.refuse("already " + (isLong ? "long " : "short ") + signal.symbol());
        }
        if (action == SignalAction.SELL && !Boolean.TRUE.equals(settings.allowShorts())) {
            return OrderPlan.refuse("no " + signal.symbol() + " position to sell and shorts are off in settings");
        }
        return open(signal, s);
    }

    /**
     * Closes the open position on {@code symbol}, whatever the switches say: an exit signal, a crossed stop or target
     * and a trader's click always may reduce risk.
     */
    public static OrderPlan planClose(String symbol, TraderState s) {
        PositionItem open = openOn(symbol, s);
        return open == null ? OrderPlan.refuse("no open " + symbol + " position to exit") : close(open);
    }

    /**
     * A rung of {@code positionId}'s take-profit ladder: its fraction of the opening size (what is left, at most), as
     * a partial close. Like any close it reduces risk, so no switch stops it.
     */
    public static OrderPlan planScaleOut(String positionId, int rung, TraderState s) {
        PositionItem open = s.open().stream().filter(p -> p.positionId().equals(positionId)).findFirst().orElse(null);
        if (open == null) return OrderPlan.refuse("position " + positionId + " is not open");
        PositionExits exits = PositionExits.read(open.exitPlan());
        if (exits == null || rung < 1 || rung >= exits.rungs()) {
            return OrderPlan.refuse("position " + positionId + " has no take-profit rung " + rung + " to scale out");
        }
        BigDecimal quantity = exits.quantityOf(rung, open.quantity());
        if (quantity.signum() <= 0) return OrderPlan.refuse("scale-out size rounds to zero");
        boolean isLong = Side.LONG.name().equals(open.side());
        return new OrderPlan(OrderIntent.CLOSE, OrderSide.of(!isLong), quantity, null, OrderType.MARKET, null, null,
                null, open, null);
    }

    private static PositionItem openOn(String symbol, TraderState s) {
        return s.open().stream().filter(p -> p.symbol().equals(symbol)).findFirst().orElse(null);
    }

    private static OrderPlan open(Signal signal, TraderState s) {
        // A subscription past its payment grace period stops new positions; exits and closes go on.
        if (s.billing() != null && s.billing().newOrdersStopped()) return OrderPlan.refuse("subscription past due");
        RiskSettings settings = s.settings();
        if (s.todayRealized().negate().compareTo(settings.dailyLossLimit()) >= 0) {
            return OrderPlan.refuse("daily loss limit of " + settings.dailyLossLimit().toPlainString() + " reached");
        }
        int maxOpen = Math.min(settings.maxOpenPositions(), planMax(s));
        if (s.open().size() >= maxOpen) return OrderPlan.refuse("max open positions (" + maxOpen + ") reached");
        BigDecimal price = signal.orderType() == OrderType.LIMIT ? signal.limitPrice() : s.prices().get(signal.symbol());
        if (price == null) return OrderPlan.refuse("no market price for " + signal.symbol());
        BigDecimal cash = AccountValuation.cash(s.profile().startingBalance(), s.lifetimeRealized(), s.open());
        BigDecimal equity = AccountValuation.equity(cash, s.open(), s.prices());
        if (equity.signum() <= 0) return OrderPlan.refuse("account equity is not positive");
        BigDecimal notional = requestedNotional(signal, settings, equity, price);
        BigDecimal cap = equity.multiply(MAX_POSITION_PCT).movePointLeft(2).min(MAX_POSITION_USD);
        BigDecimal tierCap = s.tier().maxPositionUsd();
        if (tierCap != null && tierCap.signum() > 0) cap = cap.min(tierCap);
        notional = notional.min(cap);
        if (notional.compareTo(cash) > 0) return OrderPlan.refuse("not enough cash for a " + money(notional) + " position");
        BigDecimal quantity = notional.divide(price, 8, RoundingMode.DOWN);
        if (quantity.signum() <= 0) return OrderPlan.refuse("position size rounds to zero");
        boolean isLong = signal.action() == SignalAction.BUY;
        BigDecimal stop = level(signal.stopLoss(), settings.stopLossPct(), price, isLong);
        BigDecimal target = level(lastTarget(signal), settings.takeProfitPct(), price, !isLong);
        return new OrderPlan(OrderIntent.OPEN, OrderSide.of(isLong), quantity,
                quantity.multiply(price).setScale(2, RoundingMode.HALF_EVEN),
                signal.orderType(), signal.limitPrice(), stop, target, null, null);
    }

    private static OrderPlan close(PositionItem p) {
        return OrderPlan.close(p, Side.LONG.name().equals(p.side()));
    }

    private static BigDecimal requestedNotional(Signal signal, RiskSettings settings, BigDecimal equity, BigDecimal price) {
        QuantityType type = signal.quantityType();
        if (type == null) return equity.multiply(settings.positionSizePct()).movePointLeft(2);
        return switch (type) {
            case PERCENT_OF_EQUITY -> equity.multiply(signal.quantity()).movePointLeft(2);
            case USD -> signal.quantity();
            case QUANTITY -> signal.quantity().multiply(price);
        };
    }

    /** The take-profit: the signal's own, or the last rung of its ladder (which closes what is left). */
    private static PriceLevel lastTarget(Signal signal) {
        if (signal.exits() == null || signal.exits().ladder().isEmpty()) return signal.takeProfit();
        ExitPlan.Rung last = signal.exits().ladder().get(signal.exits().ladder().size() - 1);
        return new PriceLevel(last.price(), last.percent());
    }

    /** Stop below / target above for a long (the reverse for a short), from the signal or the trader's defaults. */
    private static BigDecimal level(PriceLevel fromSignal, BigDecimal defaultPct, BigDecimal entry, boolean below) {
        if (fromSignal != null) return fromSignal.resolve(entry, below);
        if (defaultPct == null) return null;
        return new PriceLevel(null, defaultPct).resolve(entry, below).round(MathContext.DECIMAL64);
    }

    private static int planMax(TraderState s) {
        Integer max = s.tier().maxOpenPositions();
        return max == null || max < 0 ? Integer.MAX_VALUE : max;
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
