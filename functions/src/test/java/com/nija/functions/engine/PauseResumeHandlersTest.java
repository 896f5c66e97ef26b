package com.nija.functions.engine;

import static com.nija.functions.support.ApiResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.Books;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.order.OrderStatus;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code POST /trading/pause} and {@code /resume} through their handlers, seen in what the executor does next. */
class PauseResumeHandlersTest {
    private final ApplicationContext context = LocalBackends.get().context();

    @Test
    @DisplayName("POST /trading/pause answers 200 paused and the next order is refused; /resume answers 200 running and orders fill")
    void pauseAndResumeRoutes() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "10");
        OrderExecutorHandler executor = new OrderExecutorHandler(context);

        var paused = new PauseTradingHandler(context).handleRequest(Events.http("api/pause-trading.json", trader.userId()), null);
        OrderRequest whilePaused = TestSignals.buy(symbol).usd("100").forTrader(trader.userId());
        executor.handleRequest(SqsEvents.order(whilePaused), null);
        var resumed = new ResumeTradingHandler(context).handleRequest(Events.http("api/resume-trading.json", trader.userId()), null);
        OrderRequest afterResume = TestSignals.buy(symbol).usd("100").forTrader(trader.userId());
        executor.handleRequest(SqsEvents.order(afterResume), null);

        assertThat(ok(paused).path("botState").asText()).isEqualTo("paused");
        assertThat(Books.of(trader.userId()).order(whilePaused.orderId()).orElseThrow().reason()).isEqualTo("bot is paused");
        assertThat(ok(resumed).path("botState").asText()).isEqualTo("running");
        assertThat(Books.of(trader.userId()).order(afterResume.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }
}
