package com.nija.functions.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.functions.support.Books;
import com.nija.functions.support.LiveTrading;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.data.OrderItem;
import com.nija.shared.engine.ExecutionResult;
import com.nija.shared.engine.OrderIds;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.TradingEngine;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.testing.ScriptedExchange;
import com.nija.shared.venues.Venue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exactly once with a real venue: a live order is recorded SUBMITTED before the venue is called, so a crash, a lost
 * answer, a redelivery or a concurrent twin asks the venue for it by client order id before anything is placed again,
 * always under the same id. The venue here deduplicates like a real one; the tests count what it holds.
 */
class LiveEngineExactlyOnceTest {
    /** Past the window in which a SUBMITTED order may still be on its way: a redelivery's wait. */
    private static final Duration REDELIVERY = Duration.ofSeconds(61);

    private LiveTrading live;
    private TradingEngine engine;
    private TraderFixture trader;
    private ScriptedExchange coinbase;

    @BeforeEach
    void liveAtCoinbase() {
        live = LiveTrading.start();
        engine = live.engine();
        trader = live.trader();
        live.goLive(trader, Venue.COINBASE);
        coinbase = live.exchange(Venue.COINBASE);
    }

    private OrderRequest buy() {
        return TestSignals.buy(live.symbol()).usd("300").forTrader(trader.userId());
    }

    private void assertOneOpenPosition(OrderRequest request) {
        Books books = Books.of(trader.userId());
        assertThat(books.orders()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.venueOrderId()).isEqualTo("coinbase-1");
        });
        assertThat(books.position(request.orderId()).orElseThrow().quantity()).isEqualByComparingTo("3");
        assertThat(books.trades()).hasSize(1);
    }

    @ParameterizedTest(name = "died after the venue took it: {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("recorded SUBMITTED, then the executor dies; the redelivery asks the venue and there is exactly one venue order")
    void crashAfterSubmitted(boolean venueTookIt) {
        coinbase.next(new ScriptedExchange.Dies(venueTookIt));
        OrderRequest request = buy();

        assertThatThrownBy(() -> engine.execute(request, false, false)).isInstanceOf(ScriptedExchange.ProcessDied.class);
        OrderItem afterCrash = Books.of(trader.userId()).order(request.orderId()).orElseThrow();
        live.clock().advance(REDELIVERY);
        ExecutionResult redelivered = engine.execute(request, true, false);

        assertThat(afterCrash.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(afterCrash.venue()).isEqualTo("coinbase");
        assertThat(afterCrash.clientOrderId()).isEqualTo(request.orderId());
        assertThat(redelivered.retry()).isFalse();
        assertThat(redelivered.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(coinbase.orders()).as("orders at the venue").isEqualTo(1);
        assertThat(coinbase.placeCalls()).as("place calls").isEqualTo(venueTookIt ? 1 : 2);
        assertThat(coinbase.placements()).extracting(p -> p.clientOrderId()).containsOnly(request.orderId());
        assertOneOpenPosition(request);
    }

    @ParameterizedTest(name = "the venue took it before the answer was lost: {0}")
    @ValueSource(booleans = {true, false})
    @DisplayName("no answer from the venue: retried later, looked up first — found is applied, not found is placed again under the same id")
    void timeoutThenLookup(boolean venueTookIt) {
        coinbase.next(new ScriptedExchange.TimesOut(venueTookIt));
        OrderRequest request = buy();

        ExecutionResult first = engine.execute(request, false, false);
        live.clock().advance(REDELIVERY);
        ExecutionResult redelivered = engine.execute(request, true, false);

        assertThat(first.retry()).isTrue();
        assertThat(first.order().status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(redelivered.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(coinbase.orders()).isEqualTo(1);
        assertThat(coinbase.placeCalls()).isEqualTo(venueTookIt ? 1 : 2);
        assertThat(coinbase.lookupCalls()).isEqualTo(1);
        assertOneOpenPosition(request);
    }

    @Test
    @DisplayName("a twin that finds the order SUBMITTED moments ago waits and asks again, rather than placing it too")
    void inFlightTwinWaits() {
        coinbase.next(new ScriptedExchange.TimesOut(false));
        OrderRequest request = buy();
        engine.execute(request, false, false);

        ExecutionResult twin = engine.execute(request, true, false);
        int placeCallsAfterTwin = coinbase.placeCalls();
        live.clock().advance(REDELIVERY);
        ExecutionResult later = engine.execute(request, true, false);

        assertThat(twin.retry()).isTrue();
        assertThat(placeCallsAfterTwin).isEqualTo(1);
        assertThat(later.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(coinbase.orders()).isEqualTo(1);
    }

    @Test
    @DisplayName("a look-up that fails leaves the order SUBMITTED and places nothing")
    void failedLookupPlacesNothing() {
        coinbase.next(new ScriptedExchange.TimesOut(false));
        OrderRequest request = buy();
        engine.execute(request, false, false);
        live.clock().advance(REDELIVERY);
        coinbase.failNextLookup(BrokerException.Kind.UNKNOWN);

        ExecutionResult redelivered = engine.execute(request, true, false);

        assertThat(redelivered.retry()).isTrue();
        assertThat(redelivered.order().status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(coinbase.placeCalls()).isEqualTo(1);
        assertThat(coinbase.orders()).isZero();
    }

    @Test
    @DisplayName("the venue rejects: FAILED with the venue's reason, never retried, nothing placed")
    void rejectedFails() {
        coinbase.next(new ScriptedExchange.Rejects("INSUFFICIENT_FUND: not enough USD"));
        OrderRequest request = buy();

        ExecutionResult result = engine.execute(request, false, false);
        ExecutionResult redelivered = engine.execute(request, true, false);

        assertThat(result.retry()).isFalse();
        assertThat(result.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(result.order().reason()).isEqualTo("broker: INSUFFICIENT_FUND: not enough USD");
        assertThat(redelivered.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(coinbase.placeCalls()).isEqualTo(1);
        assertThat(coinbase.orders()).isZero();
        assertThat(Books.of(trader.userId()).positions()).isEmpty();
    }

    @Test
    @DisplayName("not placed on the last attempt is FAILED; no answer on the last attempt stays SUBMITTED (the venue may hold it)")
    void lastAttempt() {
        coinbase.next(new ScriptedExchange.NotPlaced(), new ScriptedExchange.TimesOut(true));
        OrderRequest refused = buy();
        OrderRequest unanswered = TestSignals.buy(live.symbol()).usd("300").forTrader(trader.userId());

        ExecutionResult failed = engine.execute(refused, true, true);
        ExecutionResult unknown = engine.execute(unanswered, true, true);

        assertThat(failed.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(failed.order().reason()).isEqualTo("broker: 503 before acceptance");
        assertThat(unknown.retry()).isTrue();
        assertThat(Books.of(trader.userId()).order(unanswered.orderId()).orElseThrow().status())
                .isEqualTo(OrderStatus.SUBMITTED);
    }

    @Test
    @DisplayName("a live close the venue rejects gives its position's claim back: the next close, a new order, goes through")
    void rejectedCloseReleasesTheClaim() {
        OrderRequest opened = buy();
        engine.execute(opened, false, false);
        coinbase.next(new ScriptedExchange.Rejects("PREVIEW_INVALID_SIZE"));
        OrderRequest firstExit = TestSignals.exit(live.symbol()).forTrader(trader.userId());
        OrderRequest secondExit = TestSignals.exit(live.symbol()).forTrader(trader.userId());

        ExecutionResult rejected = engine.execute(firstExit, false, false);
        ExecutionResult closed = engine.execute(secondExit, false, false);

        assertThat(rejected.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(rejected.order().orderId()).as("recorded under its request's own id").isEqualTo(firstExit.orderId());
        assertThat(rejected.order().clientOrderId()).as("the id the venue saw")
                .isEqualTo(OrderIds.close(opened.orderId(), trader.userId()));
        assertThat(closed.order().status()).isEqualTo(OrderStatus.FILLED);
        // A venue keeps the refused order under the id it saw (Coinbase answers it again): the next close is a new id.
        assertThat(closed.order().orderId()).isNotEqualTo(OrderIds.close(opened.orderId(), trader.userId()));
        assertThat(Books.of(trader.userId()).position(opened.orderId()).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(coinbase.orders()).as("the open and one close").isEqualTo(2);
    }

    @RepeatedTest(3)
    @DisplayName("two concurrent closes of a live position (an exit signal and a stop) make one venue order")
    void concurrentClosesOneVenueOrder() throws Exception {
        OrderRequest opened = buy();
        engine.execute(opened, false, false);
        List<OrderRequest> closes = List.of(TestSignals.exit(live.symbol()).forTrader(trader.userId()),
                TestSignals.stopLossClose(trader.userId(), opened.orderId(), live.symbol()));
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<ExecutionResult>> both = closes.stream().map(close -> CompletableFuture.supplyAsync(() -> {
            awaitQuietly(start);
            return engine.execute(close, false, false);
        })).toList();
        start.countDown();
        List<ExecutionResult> results = both.stream().map(f -> f.orTimeout(30, TimeUnit.SECONDS).join()).toList();
        live.clock().advance(REDELIVERY);
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).retry()) engine.execute(closes.get(i), true, false); // the loser's redelivery
        }

        assertThat(results).filteredOn(r -> r.order() != null && r.order().status() == OrderStatus.FILLED)
                .extracting(r -> r.order().orderId()).as("one close order, whoever reports it").containsOnly(
                        OrderIds.close(opened.orderId(), trader.userId()));
        assertThat(coinbase.orders()).as("the open and one close at the venue").isEqualTo(2);
        assertThat(coinbase.placeCalls()).as("never placed twice, even under one id").isEqualTo(2);
        Books books = Books.of(trader.userId());
        assertThat(books.position(opened.orderId()).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(books.trades()).hasSize(2);
        assertThat(books.orders()).filteredOn(o -> o.status() == OrderStatus.FILLED).hasSize(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
