package com.nija.functions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.Books;
import com.nija.functions.support.LiveTrading;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.TradeItem;
import com.nija.shared.engine.ExecutionResult;
import com.nija.shared.engine.OrderIds;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.TradingEngine;
import com.nija.shared.market.PriceUpdate;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderTrigger;
import com.nija.shared.prices.PriceIngestService;
import com.nija.shared.testing.ScriptedExchange;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a venue fills is what the books hold: a partial fill opens (or closes) only what filled, an order the venue
 * accepted but has not filled is followed up until it fills — a market order through its redelivery, a resting limit
 * order when a price crosses it — and a cancel keeps what filled before it.
 */
class LiveEngineFillsTest {
    private LiveTrading live;
    private TradingEngine engine;
    private TraderFixture trader;
    private ScriptedExchange kraken;

    @BeforeEach
    void liveAtKraken() {
        live = LiveTrading.start();
        engine = live.engine();
        trader = live.trader();
        live.goLive(trader, Venue.KRAKEN);
        kraken = live.exchange(Venue.KRAKEN);
    }

    private OrderRequest buy() {
        return TestSignals.buy(live.symbol()).usd("300").forTrader(trader.userId());
    }

    private OrderRequest exit() {
        return TestSignals.exit(live.symbol()).forTrader(trader.userId());
    }

    @Test
    @DisplayName("a partial fill opens what filled: the order is FILLED, says it was partial and what was asked")
    void partialFillOpensWhatFilled() {
        kraken.next(new ScriptedExchange.FillsPart(new BigDecimal("0.4")));
        OrderRequest request = buy();

        ExecutionResult result = engine.execute(request, false, false);

        OrderItem order = result.order();
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.partial()).isTrue();
        assertThat(order.requestedQuantity()).isEqualByComparingTo("3");
        assertThat(order.quantity()).isEqualByComparingTo("1.2");
        Books books = Books.of(trader.userId());
        assertThat(books.position(request.orderId()).orElseThrow().quantity()).isEqualByComparingTo("1.2");
        assertThat(books.trades()).singleElement().satisfies(t -> assertThat(t.quantity()).isEqualByComparingTo("1.2"));
    }

    @Test
    @DisplayName("an order the venue ended with nothing filled (Kraken: done, 0 executed) is FAILED: no position, no trade")
    void endedUnfilledFails() {
        kraken.next(new ScriptedExchange.EndsUnfilled());
        OrderRequest request = buy();

        ExecutionResult result = engine.execute(request, false, false);
        ExecutionResult redelivered = engine.execute(request, true, false);

        assertThat(result.retry()).isFalse();
        assertThat(result.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(result.order().reason()).isEqualTo("ended at kraken with nothing filled");
        assertThat(result.order().venueOrderId()).isEqualTo("kraken-1");
        assertThat(result.order().gsi1pk()).as("not in the resting index").isNull();
        assertThat(redelivered.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(kraken.placeCalls()).as("a redelivery places nothing again").isEqualTo(1);
        Books books = Books.of(trader.userId());
        assertThat(books.positions()).isEmpty();
        assertThat(books.trades()).isEmpty();
    }

    @Test
    @DisplayName("a close the venue ended with nothing filled is FAILED under its request's id and gives the close id "
            + "back: the position stays open and whole, no trade")
    void closeEndedUnfilledReleasesTheClaim() {
        OrderRequest opened = buy();
        engine.execute(opened, false, false);
        kraken.next(new ScriptedExchange.EndsUnfilled());
        OrderRequest exit = exit();

        ExecutionResult ended = engine.execute(exit, false, false);

        assertThat(ended.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(ended.order().reason()).isEqualTo("ended at kraken with nothing filled");
        assertThat(ended.order().orderId()).as("recorded under its request's own id").isEqualTo(exit.orderId());
        Books books = Books.of(trader.userId());
        PositionItem position = books.position(opened.orderId()).orElseThrow();
        assertThat(position.status()).isEqualTo("OPEN");
        assertThat(position.quantity()).isEqualByComparingTo("3");
        assertThat(books.order(OrderIds.close(position))).as("the close id given back").isEmpty();
        assertThat(books.trades()).as("only the open").hasSize(1);
    }

    @Test
    @DisplayName("after a close the venue ended unfilled, the next close is a new venue order and closes the position")
    void closeAfterAnUnfilledCloseIsANewOrder() {
        OrderRequest opened = buy();
        engine.execute(opened, false, false);
        kraken.next(new ScriptedExchange.EndsUnfilled());
        engine.execute(exit(), false, false);

        ExecutionResult closed = engine.execute(exit(), false, false);

        assertThat(closed.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(kraken.placements()).extracting(VenueOrder::clientOrderId).doesNotHaveDuplicates().hasSize(3);
        assertThat(Books.of(trader.userId()).position(opened.orderId()).orElseThrow().status()).isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("a resting order the venue ends with nothing filled is CANCELLED when followed up: no position")
    void restingEndedUnfilledIsCancelled() {
        kraken.next(new ScriptedExchange.Rests());
        OrderRequest request = buy();

        ExecutionResult resting = engine.execute(request, false, false);
        kraken.endResting(resting.order().clientOrderId());
        ExecutionResult followedUp = engine.execute(request, true, false);

        assertThat(resting.order().status()).isEqualTo(OrderStatus.RESTING);
        assertThat(followedUp.retry()).isFalse();
        assertThat(followedUp.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(followedUp.order().reason()).isEqualTo("kraken ended the resting order with nothing filled");
        assertThat(followedUp.order().gsi1pk()).as("out of the resting index").isNull();
        assertThat(Books.of(trader.userId()).positions()).isEmpty();
        assertThat(kraken.placeCalls()).isEqualTo(1);
    }

    @Test
    @DisplayName("a close filled in part leaves the rest open; the next close is a new order that closes the rest")
    void partialCloseThenTheRest() {
        OrderRequest opened = buy();
        engine.execute(opened, false, false);
        kraken.mark(live.venueSymbol(Venue.KRAKEN), "110").next(new ScriptedExchange.FillsPart(new BigDecimal("0.5")));

        ExecutionResult part = engine.execute(exit(), false, false);
        PositionItem afterPart = Books.of(trader.userId()).position(opened.orderId()).orElseThrow();
        ExecutionResult rest = engine.execute(exit(), false, false);

        assertThat(part.order().partial()).isTrue();
        assertThat(part.order().quantity()).isEqualByComparingTo("1.5");
        assertThat(afterPart.status()).isEqualTo("OPEN");
        assertThat(afterPart.quantity()).isEqualByComparingTo("1.5");
        assertThat(afterPart.fees()).as("the unsold half of the 0.30 entry fee").isEqualByComparingTo("0.15");
        assertThat(rest.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(rest.order().orderId()).isNotEqualTo(part.order().orderId())
                .isEqualTo(OrderIds.close(afterPart));
        assertThat(rest.order().quantity()).isEqualByComparingTo("1.5");
        Books books = Books.of(trader.userId());
        assertThat(books.position(opened.orderId()).orElseThrow().status()).isEqualTo("CLOSED");
        // each half: 1.5 × (110 − 100) − 0.15 of the entry fee − 0.17 exit fee
        assertThat(books.trades()).extracting(TradeItem::realizedPnl).filteredOn(p -> p != null)
                .allSatisfy(p -> assertThat(p).isEqualByComparingTo("14.68")).hasSize(2);
        assertThat(books.lifetime().orElseThrow().realizedPnl()).isEqualByComparingTo("29.36");
        assertThat(kraken.orders()).isEqualTo(3);
    }

    @Test
    @DisplayName("a market order the venue accepted but has not filled: retried until the venue fills it, then applied once")
    void marketOrderRestingThenFilled() {
        kraken.next(new ScriptedExchange.Rests());
        OrderRequest request = buy();

        ExecutionResult first = engine.execute(request, false, false);
        ExecutionResult stillResting = engine.execute(request, true, false);
        kraken.fillResting(first.order().clientOrderId());
        ExecutionResult filled = engine.execute(request, true, false);

        assertThat(first.retry()).isTrue();
        assertThat(first.order().status()).isEqualTo(OrderStatus.RESTING);
        assertThat(first.order().gsi1pk()).isEqualTo(Keys.liveResting(live.symbol()));
        assertThat(stillResting.retry()).isTrue();
        assertThat(filled.retry()).isFalse();
        assertThat(filled.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.order().gsi1pk()).as("out of the resting index").isNull();
        assertThat(kraken.orders()).isEqualTo(1);
        Books books = Books.of(trader.userId());
        assertThat(books.position(request.orderId()).orElseThrow().quantity()).isEqualByComparingTo("3");
        assertThat(books.trades()).hasSize(1);
    }

    @Test
    @DisplayName("a live limit order rests without holding the queue; a price that crosses it has its fill looked up and applied")
    void restingLimitFollowedUpByPrices() {
        OrderRequest limit = TestSignals.buy(live.symbol()).usd("285").limit("95").forTrader(trader.userId());
        PriceIngestService ingest = LocalBackends.get().context().getBean(PriceIngestService.class);
        LocalBackends.get().queues().takeOrdersOf(trader.userId());

        ExecutionResult resting = engine.execute(limit, false, false);
        int lookupsWhileAbove = ingest.ingest(List.of(new PriceUpdate(live.symbol(), new BigDecimal("96"),
                live.clock().instant()))).limitFills();
        kraken.fillResting(resting.order().clientOrderId());
        int lookupsWhenCrossed = ingest.ingest(List.of(new PriceUpdate(live.symbol(), new BigDecimal("94.5"),
                live.clock().instant()))).limitFills();
        List<OrderRequest> queued = LocalBackends.get().queues().takeOrdersOf(trader.userId()).stream()
                .map(m -> OrderMessages.readOrder(m.body())).toList();
        ExecutionResult filled = engine.execute(queued.get(0), false, false);

        assertThat(resting.retry()).isFalse();
        assertThat(resting.order().status()).isEqualTo(OrderStatus.RESTING);
        assertThat(lookupsWhileAbove).isZero();
        assertThat(lookupsWhenCrossed).isEqualTo(1);
        assertThat(queued).singleElement().satisfies(q -> {
            assertThat(q.trigger()).isEqualTo(OrderTrigger.LIMIT_FILL);
            assertThat(q.orderId()).isEqualTo(limit.orderId());
        });
        assertThat(filled.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.order().fillPrice()).isEqualByComparingTo("95");
        assertThat(Books.of(trader.userId()).position(limit.orderId()).orElseThrow().quantity())
                .isEqualByComparingTo("3");
        assertThat(kraken.orders()).isEqualTo(1);
    }

    @Test
    @DisplayName("a cancel signal withdraws a resting live order; what filled before the cancel is kept as a partial fill")
    void cancelKeepsWhatFilled() {
        OrderRequest limit = TestSignals.buy(live.symbol()).usd("285").limit("95").forTrader(trader.userId());
        OrderItem resting = engine.execute(limit, false, false).order();
        kraken.fillRestingPart(resting.clientOrderId(), "1");

        engine.execute(TestSignals.cancel(live.symbol()).forTrader(trader.userId()), false, false);

        OrderItem after = Books.of(trader.userId()).order(limit.orderId()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(after.partial()).isTrue();
        assertThat(after.quantity()).isEqualByComparingTo("1");
        assertThat(after.gsi1pk()).isNull();
        assertThat(Books.of(trader.userId()).position(limit.orderId()).orElseThrow().quantity())
                .isEqualByComparingTo("1");
        assertThat(kraken.cancelCalls()).isEqualTo(1);
    }

    @Test
    @DisplayName("a cancel signal on a resting live order nothing filled: CANCELLED, out of the resting index, no position")
    void cancelUnfilled() {
        OrderRequest limit = TestSignals.buy(live.symbol()).usd("285").limit("95").forTrader(trader.userId());
        engine.execute(limit, false, false);
        live.clock().advance(Duration.ofSeconds(5));

        engine.execute(TestSignals.cancel(live.symbol()).forTrader(trader.userId()), false, false);

        OrderItem after = Books.of(trader.userId()).order(limit.orderId()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(after.gsi1pk()).isNull();
        assertThat(Books.of(trader.userId()).positions()).isEmpty();
    }
}
