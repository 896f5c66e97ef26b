package com.nija.functions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.Books;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.data.OrderItem;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.order.OrderStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

/** The README's promise that an exit signal and a stop-loss racing for the same position close it once. */
class ExitRaceTest {
    private final OrderExecutorHandler executor = new OrderExecutorHandler(LocalBackends.get().context());

    @RepeatedTest(5)
    @DisplayName("an exit signal and a stop-loss delivered at the same moment close the position once: one sell at the broker")
    void exitRacingStopLossClosesOnce() throws Exception {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "100");
        OrderRequest buy = TestSignals.buy(symbol).usd("200").stopLossAt("95").forTrader(trader.userId());
        executor.handleRequest(SqsEvents.order(buy), null);
        OrderItem opened = Books.of(trader.userId()).orderFor(buy).orElseThrow();
        trader.price(symbol, "94");
        OrderRequest exit = TestSignals.exit(symbol).forTrader(trader.userId());
        OrderRequest stopLoss = TestSignals.stopLossClose(trader.userId(), opened.positionId(), symbol);

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> both = List.of(exit, stopLoss).stream()
                .map(request -> CompletableFuture.runAsync(() -> {
                    // Each as its own invocation, as two Lambda instances would run them.
                    OrderExecutorHandler instance = new OrderExecutorHandler(LocalBackends.get().context());
                    awaitStart(start);
                    instance.handleRequest(SqsEvents.order(request), null);
                })).toList();
        start.countDown();
        CompletableFuture.allOf(both.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        Books books = Books.of(trader.userId());
        assertThat(books.position(opened.positionId()).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(books.paperOrders()).as("orders at the broker: the open and one close").hasSize(2);
        assertThat(books.trades()).hasSize(2);
        assertThat(books.orders()).filteredOn(o -> o.status() == OrderStatus.FILLED && !o.orderId().equals(opened.orderId()))
                .as("closing orders filled").hasSize(1);
    }

    private static void awaitStart(CountDownLatch start) {
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
