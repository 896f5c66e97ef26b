package com.nija.functions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.Books;
import com.nija.functions.support.LiveTrading;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.engine.ExecutionResult;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.TradingEngine;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.testing.ScriptedExchange;
import com.nija.shared.venues.ClientOrderIds;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where orders go: a new position to the mode in force when it is planned (paper, or the trader's live venue), a
 * close to the venue its position was opened at — paper positions stay paper after the trader goes live, and a live
 * position closes at its venue whatever the mode is now.
 */
class LiveEngineRoutingTest {
    private LiveTrading live;
    private TradingEngine engine;
    private TraderFixture trader;

    @BeforeEach
    void liveVenues() {
        live = LiveTrading.start();
        engine = live.engine();
        trader = live.trader();
    }

    private OrderRequest buy() {
        return TestSignals.buy(live.symbol()).usd("200").forTrader(trader.userId());
    }

    private OrderRequest exit() {
        return TestSignals.exit(live.symbol()).forTrader(trader.userId());
    }

    @Test
    @DisplayName("in paper mode a new order goes to the paper broker and names no venue")
    void paperModeGoesToPaper() {
        ExecutionResult result = engine.execute(buy(), false, false);

        assertThat(result.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(result.order().venue()).isNull();
        Books books = Books.of(trader.userId());
        assertThat(books.paperOrders()).hasSize(1);
        assertThat(books.positions()).singleElement().satisfies(p -> assertThat(p.venue()).isNull());
        for (Venue v : Venue.values()) assertThat(live.exchange(v).keyedCalls()).as(v.wire()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Venue.class)
    @DisplayName("in live mode a new order goes to the trader's venue, under the venue's format of our order id")
    void liveModeGoesToTheVenue(Venue venue) {
        live.goLive(trader, venue);
        OrderRequest buy = buy();

        ExecutionResult result = engine.execute(buy, false, false);

        OrderItem order = result.order();
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.venue()).isEqualTo(venue.wire());
        assertThat(order.clientOrderId()).isEqualTo(ClientOrderIds.forVenue(venue, buy.orderId()));
        assertThat(order.venueOrderId()).isEqualTo(venue.wire() + "-1");
        assertThat(order.quantity()).isEqualByComparingTo("2"); // $200 at 100
        ScriptedExchange exchange = live.exchange(venue);
        assertThat(exchange.book()).singleElement().satisfies(sent -> {
            assertThat(sent.venueSymbol()).isEqualTo(live.venueSymbol(venue));
            assertThat(sent.clientOrderId()).isEqualTo(order.clientOrderId());
        });
        assertThat(exchange.keyIds()).containsOnly(LiveTrading.keyId(trader, venue));
        Books books = Books.of(trader.userId());
        assertThat(books.paperOrders()).isEmpty();
        PositionItem position = books.position(buy.orderId()).orElseThrow();
        assertThat(position.venue()).isEqualTo(venue.wire());
        assertThat(position.quantity()).isEqualByComparingTo("2");
        assertThat(position.entryPrice()).isEqualByComparingTo("100");
        assertThat(books.trades()).hasSize(1);
    }

    @Test
    @DisplayName("a paper position stays paper after the trader goes live: its exit closes at the paper broker")
    void paperPositionStaysPaper() {
        OrderRequest opened = buy();
        engine.execute(opened, false, false);
        live.goLive(trader, Venue.KRAKEN);

        ExecutionResult close = engine.execute(exit(), false, false);

        assertThat(close.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(close.order().intent()).isEqualTo(OrderIntent.CLOSE);
        assertThat(close.order().venue()).isNull();
        Books books = Books.of(trader.userId());
        assertThat(books.position(opened.orderId()).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(books.paperOrders()).as("open and close at the paper broker").hasSize(2);
        assertThat(live.exchange(Venue.KRAKEN).keyedCalls()).isZero();
    }

    @Test
    @DisplayName("a live position closes at the venue it was opened at, whatever the trader's mode is now")
    void closeGoesToThePositionsVenue() {
        live.goLive(trader, Venue.KRAKEN);
        OrderRequest opened = buy();
        engine.execute(opened, false, false);
        live.goLive(trader, Venue.COINBASE);
        OrderRequest stop = TestSignals.stopLossClose(trader.userId(), opened.orderId(), live.symbol());

        ExecutionResult close = engine.execute(stop, false, false);

        assertThat(close.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(close.order().venue()).isEqualTo("kraken");
        assertThat(live.exchange(Venue.KRAKEN).book()).extracting(VenueOrder::side).map(Enum::name)
                .containsExactly("BUY", "SELL");
        assertThat(live.exchange(Venue.COINBASE).keyedCalls()).isZero();
        assertThat(Books.of(trader.userId()).position(opened.orderId()).orElseThrow().status()).isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("back in paper mode, new orders go to paper while the live position still closes at its venue")
    void backToPaper() {
        live.goLive(trader, Venue.ALPACA);
        OrderRequest liveBuy = buy();
        engine.execute(liveBuy, false, false);
        live.goPaper(trader);
        String other = TestSignals.uniqueSymbol();
        trader.price(other, "50");

        ExecutionResult paperBuy = engine.execute(TestSignals.buy(other).usd("100").forTrader(trader.userId()), false,
                false);
        ExecutionResult liveExit = engine.execute(exit(), false, false);

        assertThat(paperBuy.order().venue()).isNull();
        assertThat(liveExit.order().venue()).isEqualTo("alpaca");
        assertThat(live.exchange(Venue.ALPACA).orders()).isEqualTo(2);
    }

    @Test
    @DisplayName("a trader in live mode whose plan no longer allows live trading has new orders refused, not sent")
    void liveNeedsAPlanThatAllowsIt() {
        TraderFixture free = live.trader(TradingSetup.trader().tier("free").maxOpenPositions(3));
        live.goLive(free, Venue.BINANCE);

        ExecutionResult result = engine.execute(TestSignals.buy(live.symbol()).usd("200").forTrader(free.userId()),
                false, false);

        assertThat(result.order().status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(result.order().reason()).isEqualTo("your plan does not include live trading");
        assertThat(live.exchange(Venue.BINANCE).keyedCalls()).isZero();
    }
}
