package com.nija.functions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.Books;
import com.nija.functions.support.LiveTrading;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.account.BotState;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.engine.ExecutionResult;
import com.nija.shared.engine.KillSwitch;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.OrderThrottle;
import com.nija.shared.engine.ThrottleConfig;
import com.nija.shared.engine.TradingEngine;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.venues.Venue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kill switch, the trader's pause and switches, the throttle, every risk rule — and the venue's own minimums — hold
 * for live orders exactly as for paper ones: a refused order is recorded with its reason, and the venue never hears of
 * it (no order call, no SUBMITTED record).
 */
class LiveEngineRiskRulesTest {
    private final KillSwitch killSwitch = LocalBackends.get().context().getBean(KillSwitch.class);
    private LiveTrading live;

    @BeforeEach
    void liveVenues() {
        live = LiveTrading.start();
    }

    @AfterEach
    void releaseKillSwitch() {
        // The switch is global: never leave it engaged for the test classes that follow.
        killSwitch.set(false, null, "test-cleanup");
    }

    enum Rule {
        KILL_SWITCH("kill switch engaged: venue incident"),
        PAUSED("bot is paused"),
        TRADING_OFF("trading is disabled in settings"),
        MAX_OPEN_POSITIONS("max open positions (1) reached"),
        THROTTLED("throttled: at most 1 orders a minute"),
        BELOW_VENUE_MINIMUM("okx: size 3 is below O:%s's minimum 10");

        final String reason;

        Rule(String reason) {
            this.reason = reason;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Rule.class)
    @DisplayName("a live order a rule refuses is recorded REFUSED with the reason, and the venue never hears of it")
    void rulesHoldForLiveOrders(Rule rule) {
        TradingSetup setup = TradingSetup.trader();
        if (rule == Rule.PAUSED) setup.botState(BotState.PAUSED);
        if (rule == Rule.TRADING_OFF) setup.tradingEnabled(false);
        if (rule == Rule.MAX_OPEN_POSITIONS) setup.maxOpenPositions(1);
        TraderFixture trader = live.trader(setup);
        TradingEngine engine = rule == Rule.THROTTLED ? live.engine(throttleOfOnePerMinute()) : live.engine();
        if (rule == Rule.MAX_OPEN_POSITIONS || rule == Rule.THROTTLED) {
            // An order before going live: positions and the throttle count every order, paper or live.
            String other = TestSignals.uniqueSymbol();
            trader.price(other, "10");
            engine.execute(TestSignals.buy(other).usd("100").forTrader(trader.userId()), false, false);
        }
        live.goLive(trader, Venue.OKX);
        if (rule == Rule.BELOW_VENUE_MINIMUM) live.rules(Venue.OKX, "10", "0.0001", "0.01", "1");
        if (rule == Rule.KILL_SWITCH) killSwitch.set(true, "venue incident", "ops");
        OrderRequest buy = TestSignals.buy(live.symbol()).usd("300").forTrader(trader.userId());

        ExecutionResult result = engine.execute(buy, false, false);

        assertThat(result.order().status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(result.order().reason()).isEqualTo(rule.reason.formatted(live.symbol().replace("-", "")));
        assertThat(result.order().venue()).isNull();
        assertThat(live.exchange(Venue.OKX).keyedCalls()).as("order calls at the venue").isZero();
        assertThat(Books.of(trader.userId()).orders()).noneMatch(o -> o.status() == OrderStatus.SUBMITTED);
    }

    @Test
    @DisplayName("under the kill switch a live position may still be closed at its venue, as a paper one may")
    void closesGoOnUnderTheKillSwitch() {
        TraderFixture trader = live.trader();
        live.goLive(trader, Venue.OKX);
        TradingEngine engine = live.engine();
        OrderRequest opened = TestSignals.buy(live.symbol()).usd("300").forTrader(trader.userId());
        engine.execute(opened, false, false);
        killSwitch.set(true, "venue incident", "ops");

        ExecutionResult close = engine.execute(TestSignals.stopLossClose(trader.userId(), opened.orderId(),
                live.symbol()), false, false);

        assertThat(close.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(close.order().venue()).isEqualTo("okx");
        assertThat(live.exchange(Venue.OKX).orders()).isEqualTo(2);
    }

    private OrderThrottle throttleOfOnePerMinute() {
        ThrottleConfig config = new ThrottleConfig();
        config.setPerMinute(1);
        config.setMinSpacingMillis(0);
        return new OrderThrottle(LocalBackends.get().context().getBean(RedisGateway.class), config, live.clock());
    }
}
