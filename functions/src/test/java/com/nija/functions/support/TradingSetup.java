package com.nija.functions.support;

import com.nija.shared.account.BotState;
import com.nija.shared.settings.RiskSettings;
import com.nija.shared.signals.SourceRegistry;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * A trader ready to trade: profile (tier, bot state, $10,000 paper account) and risk settings saved through the real
 * settings service, so the enabled-traders index lists them exactly as it would after a PUT /settings.
 */
public final class TradingSetup {
    private String tier = "pro";
    private BotState botState = BotState.RUNNING;
    private String positionSizePct = "5";
    private int maxOpenPositions = 5;
    private String dailyLossLimit = "500";
    private List<String> allowedSymbols = List.of();
    private boolean allowShorts;
    private boolean tradingEnabled = true;
    private List<String> subscriptions = List.of();

    private TradingSetup() {}

    /** A pro trader, bot running, trading on, every symbol, no shorts, 5 open positions, $500 daily loss limit. */
    public static TradingSetup trader() {
        return new TradingSetup();
    }

    public TradingSetup tier(String tier) {
        this.tier = tier;
        return this;
    }

    public TradingSetup botState(BotState state) {
        this.botState = state;
        return this;
    }

    public TradingSetup maxOpenPositions(int max) {
        this.maxOpenPositions = max;
        return this;
    }

    public TradingSetup dailyLossLimit(String usd) {
        this.dailyLossLimit = usd;
        return this;
    }

    public TradingSetup allowedSymbols(String... symbols) {
        this.allowedSymbols = List.of(symbols);
        return this;
    }

    public TradingSetup allowShorts(boolean allow) {
        this.allowShorts = allow;
        return this;
    }

    public TradingSetup tradingEnabled(boolean enabled) {
        this.tradingEnabled = enabled;
        return this;
    }

    /** Subscribes to these signal sources, registering each one that is not registered yet. */
    public TradingSetup subscribedTo(String... sources) {
        this.subscriptions = List.of(sources);
        return this;
    }

    public TraderFixture create() {
        registerMissingSources();
        TraderFixture trader = TraderFixture.newTrader().profile(tier, botState, "10000.00");
        trader.saveSettings(new RiskSettings(new BigDecimal(positionSizePct), maxOpenPositions,
                new BigDecimal(dailyLossLimit), allowedSymbols, null, null, allowShorts, tradingEnabled, subscriptions,
                null, null), 0);
        return trader;
    }

    /** Settings refuse a subscription to a source nobody registered: register those the test named and left out. */
    private void registerMissingSources() {
        ApplicationContext context = LocalBackends.get().context();
        SourceRegistry sources = context.getBean(SourceRegistry.class);
        for (String source : subscriptions) {
            if (sources.find(source).isEmpty()) {
                sources.register(source, SourceRegistry.SIGNALS, source + "-test-secret", List.of("*"),
                        context.getBean(Clock.class).instant());
            }
        }
    }
}
