package com.nija.functions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.Books;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.engine.OrderRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Out of the tree until PositionLedger re-applies a close without recomputing its P&L from the closed position. */
class RedeliveredCloseTradeTest {
    private final OrderExecutorHandler executor = new OrderExecutorHandler(LocalBackends.get().context());

    @Test
    @DisplayName("a redelivered close leaves the closing trade's realized P&L as the close recorded it")
    void redeliveredCloseKeepsTradePnl() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "50000");
        executor.handleRequest(SqsEvents.order(TestSignals.buy(symbol).usd("1000").forTrader(trader.userId())), null);
        trader.price(symbol, "52000");
        OrderRequest exit = TestSignals.exit(symbol).forTrader(trader.userId());

        executor.handleRequest(SqsEvents.order(exit, 1), null);
        executor.handleRequest(SqsEvents.order(exit, 2), null);

        Books books = Books.of(trader.userId());
        assertThat(books.positions().get(0).realizedPnl()).isEqualByComparingTo("36.94");
        assertThat(books.trades()).filteredOn(t -> t.realizedPnl() != null).singleElement()
                .satisfies(t -> assertThat(t.realizedPnl()).isEqualByComparingTo("36.94")); // actual: 35.90
    }
}
