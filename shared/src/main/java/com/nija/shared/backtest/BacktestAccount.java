package com.nija.shared.backtest;

import com.nija.shared.broker.PaperFills;
import com.nija.shared.data.PositionItem;
import com.nija.shared.engine.LevelRules;
import com.nija.shared.engine.OrderPlan;
import com.nija.shared.engine.PositionLedger;
import com.nija.shared.engine.PriceLevel;
import com.nija.shared.engine.QuantityType;
import com.nija.shared.engine.RiskPlanner;
import com.nija.shared.engine.Signal;
import com.nija.shared.engine.SignalAction;
import com.nija.shared.engine.TraderState;
import com.nija.shared.marketdata.Candle;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderType;
import com.nija.shared.performance.Bucket;
import com.nija.shared.performance.PerformanceCalculator;
import com.nija.shared.performance.PerformanceReport;
import com.nija.shared.strategy.ApexDecision;
import com.nija.shared.strategy.ApexParameters;
import com.nija.shared.strategy.ApexStrategy;
import com.nija.shared.strategy.ApexTradePlan;
import com.nija.shared.trading.AccountValuation;
import com.nija.shared.trading.PositionMath;
import com.nija.shared.trading.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One trader's paper account run through the engine's own rules in simulated time: APEX's signals are planned by
 * {@link RiskPlanner} (switches, open positions, daily loss limit, size and its caps), an entry whose stop or target
 * the fill would already cross is refused ({@link LevelRules}), new positions pass the order throttle, fills are the
 * paper broker's ({@link PaperFills}: slippage and fee), and closes — whole or partial — are booked with
 * {@link PositionLedger}'s arithmetic and counted into day buckets as the roll-ups count them, so
 * {@link PerformanceCalculator} reports what {@code GET /api/v1/performance} would. After entry a position is managed
 * by {@link ApexTradePlan} (take-profit ladder, breakeven, trailing stop).
 *
 * <p>The engine sees prices tick by tick; a backtest sees candles. A level inside a candle's range fills at the level
 * (moved by the slippage), unless the candle opened beyond it: then at the open, the first price that crossed it.
 */
public final class BacktestAccount {
    private static final String STRATEGY = "apex";

    /** An open position with the plan that manages it and the size it opened with (rungs are shares of that). */
    private record Holding(PositionItem position, ApexTradePlan plan, BigDecimal openingQuantity) {
        Holding with(PositionItem p) {
            return new Holding(p, plan, openingQuantity);
        }
    }

    private final BacktestTrader trader;
    private final ApexParameters parameters;
    private final PaperFills fills;
    private final ThrottleWindows throttle;
    private final Map<String, Holding> holdings = new LinkedHashMap<>();
    private final Map<String, BigDecimal> prices = new HashMap<>();
    private final TreeMap<LocalDate, Bucket> days = new TreeMap<>();
    private final List<BacktestTrade> trades = new ArrayList<>();
    private final List<EquityMark> marks = new ArrayList<>();
    private final Map<String, Integer> refusals = new TreeMap<>();
    private BigDecimal lifetimeRealized = BigDecimal.ZERO;
    private long signals;
    private long entries;

    public BacktestAccount(BacktestTrader trader, ApexStrategy strategy) {
        this.trader = trader;
        this.parameters = strategy.parameters();
        this.fills = new PaperFills(trader.paper());
        this.throttle = new ThrottleWindows(trader.throttle());
    }

    /** The latest price of {@code symbol} (a candle's close), as the engine's price book would hold it. */
    public void price(String symbol, BigDecimal price) {
        prices.put(symbol, price);
    }

    public boolean holds(String symbol) {
        return holdings.containsKey(symbol);
    }

    /**
     * Manages the open position on {@code symbol} over one candle: the take-profit rungs and the stop it reaches close
     * their shares at the paper broker, stamped at the candle's close.
     */
    public void bar(String symbol, Candle candle, Instant close, double atr) {
        Holding h = holdings.get(symbol);
        if (h == null) return;
        boolean isLong = Side.LONG.name().equals(h.position().side());
        List<ApexTradePlan.Exit> exits = h.plan().onBar(candle.high(), candle.low(), BigDecimal.valueOf(atr));
        for (int k = 0; k < exits.size(); k++) {
            ApexTradePlan.Exit exit = exits.get(k);
            h = holdings.get(symbol);
            BigDecimal market = firstPriceAt(exit, candle.open(), isLong);
            // The exit that leaves the plan closed takes what is left, whatever rounding left of the rungs.
            boolean last = h.plan().closed() && k == exits.size() - 1;
            BigDecimal quantity = h.openingQuantity().multiply(exit.fraction()).setScale(8, RoundingMode.DOWN);
            if (last || quantity.compareTo(h.position().quantity()) >= 0) {
                closeAll(h, market, close, exit.why());
            } else {
                closePart(h, quantity, market, close, exit.why());
            }
        }
    }

    /** A level crossed inside the candle fills at the level; one the candle opened beyond, at the open. */
    private static BigDecimal firstPriceAt(ApexTradePlan.Exit exit, BigDecimal open, boolean isLong) {
        boolean target = exit.why().startsWith("target");
        boolean upward = isLong == target; // a long's target and a short's stop lie above
        return upward ? exit.price().max(open) : exit.price().min(open);
    }

    /** APEX's decision at {@code at} (its candle's close) as a signal from {@code nija-apex}, through the engine's rules. */
    public void signal(ApexDecision d, Instant at) {
        signals++;
        Signal signal = toSignal(d, at);
        List<PositionItem> open = holdings.values().stream().map(Holding::position).toList();
        TraderState state = new TraderState(trader.profile(), trader.settings(), trader.tier(), open, lifetimeRealized,
                realizedOn(day(at)), prices, null);
        OrderPlan plan = RiskPlanner.plan(signal, state, Optional.empty());
        if (plan.refused()) {
            refuse(plan.refusal());
            return;
        }
        BigDecimal market = prices.get(d.symbol());
        if (plan.intent() == OrderIntent.CLOSE) {
            closeAll(holdings.get(d.symbol()), market, at, "signal " + d.action().name().toLowerCase());
            return;
        }
        boolean buys = plan.side().buys();
        BigDecimal fill = fills.executionPrice(buys, market, plan.limitPrice());
        Optional<String> crossed = LevelRules.crossedAtFill(buys, fill, plan.stopLoss(), plan.takeProfit());
        if (crossed.isPresent()) {
            refuse(crossed.get());
            return;
        }
        Optional<String> throttled = throttle.acquire(at);
        if (throttled.isPresent()) {
            refuse("throttled: " + throttled.get());
            return;
        }
        BigDecimal fee = fills.fee(plan.quantity(), fill);
        String positionId = "apex:" + d.symbol() + ":" + at.getEpochSecond();
        PositionItem position = PositionLedger.opened(BacktestTrader.USER_ID, positionId, d.symbol(), buys,
                plan.quantity(), fill, fee, at, plan.stopLoss(), plan.takeProfit(), null);
        holdings.put(d.symbol(), new Holding(position, new ApexTradePlan(d, parameters), plan.quantity()));
        entries++;
        trades.add(new BacktestTrade(at, d.symbol(), positionId, plan.side().name(), "entry", plan.quantity(), fill, fee,
                null));
    }

    /** Records the account at a candle close. */
    public void mark(Instant at) {
        BigDecimal cash = cash();
        marks.add(new EquityMark(at, cash, AccountValuation.equity(cash, openPositions(), prices), holdings.size()));
    }

    public BigDecimal cash() {
        return AccountValuation.cash(trader.profile().startingBalance(), lifetimeRealized, openPositions());
    }

    public BigDecimal equity() {
        return AccountValuation.equity(cash(), openPositions(), prices);
    }

    /**
     * The figures {@code GET /api/v1/performance} would show for these days: one bucket per UTC day from {@code first}
     * to {@code last} (zeros included), the starting balance as the start equity, open positions' P&L net of their
     * fees at the latest prices.
     */
    public PerformanceReport performance(LocalDate first, LocalDate last) {
        List<Bucket> buckets = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            buckets.add(days.getOrDefault(d, Bucket.empty(d.toString())));
        }
        BigDecimal unrealized = BigDecimal.ZERO;
        for (Holding h : holdings.values()) {
            PositionItem p = h.position();
            BigDecimal price = prices.getOrDefault(p.symbol(), p.entryPrice());
            unrealized = unrealized.add(PositionMath.unrealizedPnl(Side.valueOf(p.side()), p.quantity(), p.entryPrice(),
                    price)).subtract(p.fees());
        }
        return PerformanceCalculator.compute("all", "day", buckets, trader.profile().startingBalance(), unrealized, 365);
    }

    public List<BacktestTrade> trades() {
        return List.copyOf(trades);
    }

    public List<EquityMark> marks() {
        return List.copyOf(marks);
    }

    /** Why signals placed no order, and how often. */
    public Map<String, Integer> refusals() {
        return Map.copyOf(refusals);
    }

    public long signals() {
        return signals;
    }

    public long entries() {
        return entries;
    }

    private void closePart(Holding h, BigDecimal quantity, BigDecimal market, Instant at, String why) {
        PositionItem p = h.position();
        boolean isLong = Side.LONG.name().equals(p.side());
        BigDecimal fill = fills.executionPrice(!isLong, market, null);
        BigDecimal fee = fills.fee(quantity, fill);
        PositionLedger.PartialClose part = PositionLedger.partialClose(p, quantity, fill, fee);
        holdings.put(p.symbol(), h.with(PositionLedger.reducedBy(p, part)));
        book(at, part.realizedPnl(), part.roundTripFees());
        trades.add(new BacktestTrade(at, p.symbol(), p.positionId(), isLong ? "SELL" : "BUY", why, quantity, fill, fee,
                part.realizedPnl()));
    }

    private void closeAll(Holding h, BigDecimal market, Instant at, String why) {
        PositionItem p = h.position();
        boolean isLong = Side.LONG.name().equals(p.side());
        BigDecimal fill = fills.executionPrice(!isLong, market, null);
        BigDecimal fee = fills.fee(p.quantity(), fill);
        BigDecimal realized = PositionLedger.realizedPnl(p, fill, fee);
        holdings.remove(p.symbol());
        book(at, realized, p.fees().add(fee));
        trades.add(new BacktestTrade(at, p.symbol(), p.positionId(), isLong ? "SELL" : "BUY", why, p.quantity(), fill,
                fee, realized));
    }

    private void book(Instant at, BigDecimal realized, BigDecimal fees) {
        LocalDate day = day(at);
        days.put(day, days.getOrDefault(day, Bucket.empty(day.toString())).plusClose(realized, fees));
        lifetimeRealized = lifetimeRealized.add(realized);
    }

    private BigDecimal realizedOn(LocalDate day) {
        Bucket b = days.get(day);
        return b == null ? BigDecimal.ZERO : b.realizedPnl();
    }

    private void refuse(String reason) {
        refusals.merge(reason, 1, Integer::sum);
    }

    private List<PositionItem> openPositions() {
        return holdings.values().stream().map(Holding::position).toList();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** What the scan sends for {@code d} ({@code ApexScanService}), as the intake normalizes it. */
    private static Signal toSignal(ApexDecision d, Instant at) {
        SignalAction action = switch (d.action()) {
            case BUY -> SignalAction.BUY;
            case SELL -> SignalAction.SELL;
            case EXIT -> SignalAction.EXIT;
            case NONE -> throw new IllegalArgumentException("a decision to do nothing is no signal");
        };
        String id = "apex:" + d.symbol() + ":" + d.candleClose().getEpochSecond();
        if (action == SignalAction.EXIT) {
            return new Signal(id, "nija-apex", STRATEGY, d.symbol(), action, OrderType.MARKET, null, null, null, null,
                    null, null, d.candleClose(), at);
        }
        PriceLevel stop = new PriceLevel(d.stop(), null);
        PriceLevel target = new PriceLevel(d.targets().get(d.targets().size() - 1), null);
        return new Signal(id, "nija-apex", STRATEGY, d.symbol(), action, OrderType.MARKET, null, stop, target,
                QuantityType.PERCENT_OF_EQUITY, d.sizePercent(), d.entry(), d.candleClose(), at);
    }
}
