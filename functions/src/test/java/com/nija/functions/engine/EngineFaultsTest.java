package com.nija.functions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.nija.functions.engine.FaultyBroker.Fault;
import com.nija.functions.support.Books;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.Rewired;
import com.nija.shared.exits.ExitPlan;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.ThrottlingDynamoDb;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.broker.Fill;
import com.nija.shared.broker.OrderTicket;
import com.nija.shared.broker.PaperBroker;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.engine.ExecutionResult;
import com.nija.shared.engine.OrderRepository;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.TradeEventBus;
import com.nija.shared.engine.TradeListener;
import com.nija.shared.engine.TradingEngine;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderType;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Faults between NIJA and the broker, and inside the executor: an order is placed at most once, retried only when
 * the broker confirms nothing was placed, and a retry after a crash completes the books without a second order.
 * The engine here is the context's, with the paper broker behind a {@link FaultyBroker}.
 */
class EngineFaultsTest {
    private final ApplicationContext context = LocalBackends.get().context();
    private FaultyBroker broker;
    private TradingEngine engine;
    private String symbol;
    private TraderFixture trader;

    @BeforeEach
    void engineWithFaultyBroker() {
        broker = new FaultyBroker(context.getBean(PaperBroker.class));
        engine = Rewired.build(TradingEngine.class, broker);
        symbol = TestSignals.uniqueSymbol();
        trader = TradingSetup.trader().create().price(symbol, "400");
    }

    private OrderRequest buy() {
        return TestSignals.buy(symbol).usd("800").forTrader(trader.userId());
    }

    @Test
    @DisplayName("broker confirms nothing was placed: retry later, no order written; the redelivery places exactly one")
    void notPlacedIsRetried() {
        broker.failNext(Fault.NOT_PLACED);
        OrderRequest request = buy();

        ExecutionResult first = engine.execute(request, false, false);
        Books afterFirst = Books.of(trader.userId());
        boolean orderAfterFirst = afterFirst.order(request.orderId()).isPresent();
        ExecutionResult redelivered = engine.execute(request, true, false);

        assertThat(first.retry()).isTrue();
        assertThat(orderAfterFirst).as("an order recorded after the failed attempt").isFalse();
        assertThat(redelivered.retry()).isFalse();
        assertThat(redelivered.order().status()).isEqualTo(OrderStatus.FILLED);
        Books books = Books.of(trader.userId());
        assertThat(books.orders()).hasSize(1);
        assertThat(books.paperOrders()).hasSize(1);
        assertThat(books.positions()).hasSize(1);
        assertThat(books.trades()).hasSize(1);
    }

    @Test
    @DisplayName("broker rejects the order: recorded FAILED with the broker's reason, never retried or placed")
    void rejectedFailsForGood() {
        broker.failNext(Fault.REJECTED);
        OrderRequest request = buy();

        ExecutionResult result = engine.execute(request, false, false);
        ExecutionResult redelivered = engine.execute(request, true, false);

        assertThat(result.retry()).isFalse();
        assertThat(result.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(result.order().reason()).isEqualTo("broker: insufficient margin");
        assertThat(redelivered.retry()).isFalse();
        assertThat(redelivered.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(broker.placeCalls()).isEqualTo(1);
        Books books = Books.of(trader.userId());
        assertThat(books.order(request.orderId()).orElseThrow().reason()).isEqualTo("broker: insufficient margin");
        assertThat(books.paperOrders()).isEmpty();
        assertThat(books.positions()).isEmpty();
    }

    @Test
    @DisplayName("5 broker errors in a row pause the trader's bot: listeners (live pushes) hear why, and the next signal is refused")
    void repeatedBrokerErrorsPauseTheBot() {
        List<String> paused = new java.util.concurrent.CopyOnWriteArrayList<>();
        TradeListener listener = new TradeListener() {
            @Override
            public void botPaused(String userId, String reason) {
                if (userId.equals(trader.userId())) paused.add(reason);
            }
        };
        TradeEventBus bus = context.getBean(TradeEventBus.class);
        bus.subscribe(listener);
        try {
            for (int i = 0; i < 4; i++) {
                broker.failNext(Fault.REJECTED);
                assertThat(engine.execute(buy(), false, false).order().status()).isEqualTo(OrderStatus.FAILED);
            }
            assertThat(paused).as("still running after 4").isEmpty();
            broker.failNext(Fault.REJECTED);
            engine.execute(buy(), false, false);

            ExecutionResult next = engine.execute(buy(), false, false);

            assertThat(paused).containsExactly("paused after 5 broker errors in a row (last: insufficient margin)");
            assertThat(next.order().status()).isEqualTo(OrderStatus.REFUSED);
            assertThat(next.order().reason()).isEqualTo("bot is paused");
            assertThat(broker.placeCalls()).isEqualTo(5);
        } finally {
            bus.unsubscribe(listener);
        }
    }

    @Test
    @DisplayName("a timeout after the broker placed the order: on redelivery the order is found at the broker and completed, not placed again")
    void unknownOutcomeRecoveredFromBroker() {
        broker.failNext(Fault.UNKNOWN_AFTER_PLACING);
        OrderRequest request = buy();

        ExecutionResult first = engine.execute(request, false, false);
        ExecutionResult redelivered = engine.execute(request, true, false);

        assertThat(first.retry()).isTrue();
        assertThat(redelivered.retry()).isFalse();
        assertThat(redelivered.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(broker.placeCalls()).as("place calls").isEqualTo(1);
        Books books = Books.of(trader.userId());
        assertThat(books.paperOrders()).hasSize(1);
        assertThat(books.orders()).hasSize(1);
        PositionItem position = books.positions().get(0);
        assertThat(position.status()).isEqualTo("OPEN");
        assertThat(position.quantity()).isEqualByComparingTo("2");           // $800 at 400
        assertThat(position.entryPrice()).isEqualByComparingTo("400.20");    // 400 + 5 bps
        assertThat(books.trades()).hasSize(1);
    }

    @Test
    @DisplayName("a scale-out placed at the broker whose answer timed out: the redelivery completes it as the partial close it is, once")
    void unknownScaleOutRecoveredAsPartialClose() {
        ExitPlan ladder = new ExitPlan(List.of(new ExitPlan.Rung(new BigDecimal("410"), null, new BigDecimal("0.5")),
                new ExitPlan.Rung(new BigDecimal("420"), null, new BigDecimal("0.5"))), null, null);
        OrderRequest open = TestSignals.buy(symbol).usd("800").exits(ladder).forTrader(trader.userId());
        String positionId = engine.execute(open, false, false).order().positionId();
        broker.failNext(Fault.UNKNOWN_AFTER_PLACING);
        OrderRequest rung1 = OrderRequest.forScaleOut(trader.userId(), positionId, 1, symbol, PlatformClock.system().instant());

        ExecutionResult first = engine.execute(rung1, false, false);
        ExecutionResult redelivered = engine.execute(rung1, true, false);

        assertThat(first.retry()).isTrue();
        assertThat(redelivered.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(redelivered.order().intent()).isEqualTo(OrderIntent.CLOSE);
        assertThat(redelivered.order().rung()).isEqualTo(1);
        Books books = Books.of(trader.userId());
        assertThat(books.paperOrders()).as("the open and one scale-out at the broker").hasSize(2);
        assertThat(books.positions()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo("OPEN");
            assertThat(p.quantity()).isEqualByComparingTo("1"); // half of 2
        });
    }

    @Test
    @DisplayName("on the last attempt a broker that placed nothing leaves a FAILED order with the reason, not another retry")
    void lastAttemptRecordsFailure() {
        broker.failNext(Fault.NOT_PLACED);
        OrderRequest request = buy();

        ExecutionResult result = engine.execute(request, true, true);

        assertThat(result.retry()).isFalse();
        assertThat(result.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(result.order().reason()).isEqualTo("broker: connection refused");
        Books books = Books.of(trader.userId());
        assertThat(books.order(request.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(books.paperOrders()).isEmpty();
        assertThat(books.positions()).isEmpty();
    }

    @Test
    @DisplayName("a crash after the order was filled and recorded but before the position was written: the redelivery completes the position and trade, with no second order")
    void crashBetweenOrderAndPosition() {
        OrderRequest request = buy();
        String orderId = request.orderId();
        // What the executor had done when it crashed: placed at the broker, recorded the FILLED order — nothing else.
        Fill fill = context.getBean(PaperBroker.class).place(new OrderTicket(orderId, trader.userId(), symbol,
                OrderSide.BUY, OrderType.MARKET, new BigDecimal("2"), null, null));
        Instant now = PlatformClock.system().instant();
        context.getBean(OrderRepository.class).create(new OrderItem(Keys.user(trader.userId()), Keys.order(orderId),
                orderId, trader.userId(), request.signal().signalId(), request.signal().source(),
                request.signal().strategy(), symbol, OrderSide.BUY, OrderIntent.OPEN, orderId, OrderType.MARKET, null,
                fill.quantity(), new BigDecimal("800.00"), null, null, OrderStatus.FILLED, null, fill.price(), fill.fee(),
                fill.at(), now, now.plus(Duration.ofDays(400)).getEpochSecond(), null, null, null, null, null, null, null, null, null));

        SQSBatchResponse response = new OrderExecutorHandler(context).handleRequest(SqsEvents.order(request, 2), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Books books = Books.of(trader.userId());
        assertThat(books.paperOrders()).hasSize(1);
        assertThat(books.orders()).hasSize(1);
        PositionItem position = books.position(orderId).orElseThrow();
        assertThat(position.status()).isEqualTo("OPEN");
        assertThat(position.quantity()).isEqualByComparingTo("2");
        assertThat(position.entryPrice()).isEqualByComparingTo(fill.price());
        assertThat(position.fees()).isEqualByComparingTo(fill.fee());
        assertThat(books.trades()).singleElement().satisfies(t -> assertThat(t.orderId()).isEqualTo(orderId));
    }

    @Test
    @DisplayName("DynamoDB throttling is retried: an order whose first write is throttled twice is still placed, once")
    void dynamoDbThrottlingIsRetried() {
        URI dynalite = URI.create(context.getBean(NijaConfig.class).getDynamodbEndpoint());
        try (ThrottlingDynamoDb dynamoDb = ThrottlingDynamoDb.start(dynalite);
             ApplicationContext throttledContext = LocalBackends.get().newContext(
                     Map.of("nija.dynamodb-endpoint", dynamoDb.endpoint().toString()))) {
            TradingEngine throttledEngine = throttledContext.getBean(TradingEngine.class);
            OrderRequest request = buy();
            dynamoDb.throttleNext(2);

            ExecutionResult result = throttledEngine.execute(request, false, false);

            assertThat(dynamoDb.throttled()).isEqualTo(2);
            assertThat(result.retry()).isFalse();
            assertThat(result.order().status()).isEqualTo(OrderStatus.FILLED);
        }
        Books books = Books.of(trader.userId());
        assertThat(books.orders()).hasSize(1);
        assertThat(books.positions()).hasSize(1);
        assertThat(books.trades()).hasSize(1);
    }
}
