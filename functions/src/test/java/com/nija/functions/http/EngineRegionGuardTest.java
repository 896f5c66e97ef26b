package com.nija.functions.http;

import static com.nija.functions.support.ApiResponses.header;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.engine.OrderExecutorHandler;
import com.nija.functions.engine.PauseTradingHandler;
import com.nija.functions.support.Books;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.functions.trading.GetPositionsHandler;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.order.OrderStatus;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A region that is not the engine region runs no trading write itself (README "Regions"). */
class EngineRegionGuardTest {
    private final ApplicationContext engine = LocalBackends.get().context();
    /** The shared context's region told that us-west-2 trades, with no way to reach it. */
    private final ApplicationContext standby = LocalBackends.get().newContext(Map.of("nija.engine-region", "us-west-2"));

    @AfterEach
    void close() {
        standby.close();
    }

    @Test
    @DisplayName("a pause outside the engine region that cannot be forwarded answers 503 problem+json naming the "
            + "engine region, with Retry-After, and pauses nothing; reads are still served there")
    void standbyRefusesTradingWrites() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "10");

        var refused = new PauseTradingHandler(standby)
                .handleRequest(Events.http("api/pause-trading.json", trader.userId()), null);
        var positions = new GetPositionsHandler(standby)
                .handleRequest(Events.http("api/get-positions.json", trader.userId()), null);

        assertThat(problem(refused, 503, "engine-region-elsewhere").path("engineRegion").asText()).isEqualTo("us-west-2");
        assertThat(header(refused, "Retry-After")).isEqualTo("5");
        assertThat(ok(positions).path("positions").isArray()).isTrue();
        OrderRequest buy = TestSignals.buy(symbol).usd("100").forTrader(trader.userId());
        new OrderExecutorHandler(engine).handleRequest(SqsEvents.order(buy), null);
        assertThat(Books.of(trader.userId()).order(buy.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    @DisplayName("in the engine region a trading write runs and says so in X-Nija-Engine-Region")
    void engineRunsAndSaysSo() {
        TraderFixture trader = TradingSetup.trader().create();

        var paused = new PauseTradingHandler(engine)
                .handleRequest(Events.http("api/pause-trading.json", trader.userId()), null);

        assertThat(ok(paused).path("botState").asText()).isEqualTo("paused");
        assertThat(header(paused, EngineForwarder.ENGINE_REGION))
                .isEqualTo(engine.getBean(com.nija.shared.config.EngineRegion.class).here());
    }
}
