package com.nija.functions.engine;

import static com.nija.functions.support.ApiResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.dashboard.GetDashboardHandler;
import com.nija.functions.engine.FaultyBroker.Fault;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.Rewired;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.broker.PaperBroker;
import com.nija.shared.engine.TradingEngine;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's promise that a cached view never outlives a change of the bot's state: each test reads the dashboard
 * until it is served from the cache, changes the state, and reads it again.
 */
class BotStateCacheTest {
    private final ApplicationContext context = LocalBackends.get().context();
    private final GetDashboardHandler dashboard = new GetDashboardHandler(context);

    /** Reads the dashboard twice, the second read from the cache, and returns it. */
    private JsonNode warmDashboard(String userId) {
        dashboard(userId);
        double hits = LocalBackends.get().metrics().total("CacheHit");
        JsonNode cached = dashboard(userId);
        assertThat(LocalBackends.get().metrics().total("CacheHit")).as("second read from the cache").isGreaterThan(hits);
        return cached;
    }

    private JsonNode dashboard(String userId) {
        return ok(dashboard.handleRequest(Events.http("api/get-dashboard.json", userId), null));
    }

    @Test
    @DisplayName("pausing and resuming the bot show on the next dashboard read, though the dashboard was cached")
    void pauseAndResumeInvalidate() {
        TraderFixture trader = TradingSetup.trader().create();
        assertThat(warmDashboard(trader.userId()).path("botState").asText()).isEqualTo("running");

        ok(new PauseTradingHandler(context).handleRequest(Events.http("api/pause-trading.json", trader.userId()), null));
        String afterPause = dashboard(trader.userId()).path("botState").asText();
        warmDashboard(trader.userId());
        ok(new ResumeTradingHandler(context).handleRequest(Events.http("api/resume-trading.json", trader.userId()), null));
        String afterResume = dashboard(trader.userId()).path("botState").asText();

        assertThat(afterPause).isEqualTo("paused");
        assertThat(afterResume).isEqualTo("running");
    }

    @Test
    @DisplayName("the engine pausing the bot after 5 broker errors shows on the next dashboard read, though it was cached")
    void brokerErrorPauseInvalidates() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "400");
        FaultyBroker broker = new FaultyBroker(context.getBean(PaperBroker.class));
        TradingEngine engine = Rewired.build(TradingEngine.class, broker);
        assertThat(warmDashboard(trader.userId()).path("botState").asText()).isEqualTo("running");

        for (int i = 0; i < 5; i++) {
            broker.failNext(Fault.REJECTED);
            engine.execute(TestSignals.buy(symbol).usd("800").forTrader(trader.userId()), false, false);
        }

        assertThat(dashboard(trader.userId()).path("botState").asText()).isEqualTo("paused");
    }
}
