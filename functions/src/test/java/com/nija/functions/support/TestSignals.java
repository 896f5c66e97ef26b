package com.nija.functions.support;

import com.nija.shared.config.PlatformClock;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.exits.ExitPlan;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.engine.PriceLevel;
import com.nija.shared.engine.QuantityType;
import com.nija.shared.engine.Signal;
import com.nija.shared.engine.SignalAction;
import com.nija.shared.order.OrderTrigger;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Normalized signals as intake would have accepted them, for tests that drive fan-out and the executor directly.
 * Each gets a fresh signal id unless one is given.
 */
public final class TestSignals {
    private String signalId = "sig-" + UUID.randomUUID();
    private String source = "test-source";
    private String strategy = "default";
    private final String symbol;
    private final SignalAction action;
    private OrderType orderType = OrderType.MARKET;
    private BigDecimal limitPrice;
    private PriceLevel stopLoss;
    private PriceLevel takeProfit;
    private QuantityType quantityType;
    private BigDecimal quantity;
    private ExitPlan exits;
    private String explanation;

    private TestSignals(SignalAction action, String symbol) {
        this.action = action;
        this.symbol = symbol;
    }

    /**
     * A market symbol no other test uses ({@code T…-USD}): prices are shared by every trader, and a price update
     * sweeps every open position in its symbol, so tests that move prices keep to their own market. Registered as a
     * paper-only instrument, so intake and settings accept it like a listed market.
     */
    public static String uniqueSymbol() {
        String letters = UUID.randomUUID().toString().replace("-", "").toUpperCase().replaceAll("[^A-Z0-9]", "");
        String symbol = "T" + letters.substring(0, 7) + "-USD";
        LocalBackends.get().context().getBean(Instruments.class).register(symbol);
        return symbol;
    }

    public static TestSignals buy(String symbol) {
        return new TestSignals(SignalAction.BUY, symbol);
    }

    public static TestSignals sell(String symbol) {
        return new TestSignals(SignalAction.SELL, symbol);
    }

    public static TestSignals exit(String symbol) {
        return new TestSignals(SignalAction.EXIT, symbol);
    }

    /** Withdraws the trader's resting orders on the symbol. */
    public static TestSignals cancel(String symbol) {
        return new TestSignals(SignalAction.CANCEL, symbol);
    }

    /** The close a price update sends when a position's stop-loss is crossed. */
    public static OrderRequest stopLossClose(String userId, String positionId, String symbol) {
        return OrderRequest.forCrossedLevel(userId, OrderTrigger.STOP_LOSS, positionId, symbol,
                PlatformClock.system().instant());
    }

    public TestSignals id(String id) {
        this.signalId = id;
        return this;
    }

    public TestSignals source(String id) {
        this.source = id;
        return this;
    }

    public TestSignals strategy(String id) {
        this.strategy = id;
        return this;
    }

    /** Size in US dollars. */
    public TestSignals usd(String amount) {
        this.quantityType = QuantityType.USD;
        this.quantity = new BigDecimal(amount);
        return this;
    }

    public TestSignals limit(String price) {
        this.orderType = OrderType.LIMIT;
        this.limitPrice = new BigDecimal(price);
        return this;
    }

    public TestSignals stopLossAt(String price) {
        this.stopLoss = new PriceLevel(new BigDecimal(price), null);
        return this;
    }

    public TestSignals takeProfitAt(String price) {
        this.takeProfit = new PriceLevel(new BigDecimal(price), null);
        return this;
    }

    /** The position's exit plan: ladder, breakeven, trailing stop. */
    public TestSignals exits(ExitPlan plan) {
        this.exits = plan;
        return this;
    }

    /** Why the signal was sent (a JSON object). */
    public TestSignals explanation(String json) {
        this.explanation = json;
        return this;
    }

    public Signal build() {
        Instant now = PlatformClock.system().instant();
        return new Signal(signalId, source, strategy, symbol, action, orderType, limitPrice, stopLoss, takeProfit,
                quantityType, quantity, null, now, now, exits, explanation);
    }

    /** This signal as one trader's order work, as fan-out enqueues it. */
    public OrderRequest forTrader(String userId) {
        return OrderRequest.forSignal(userId, build());
    }
}
