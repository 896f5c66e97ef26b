package com.nija.functions.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.nija.functions.engine.OrderExecutorHandler;
import com.nija.functions.support.Books;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.Rewired;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.functions.support.WorkQueueProbe;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.OrderItem;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.Signal;
import com.nija.shared.engine.WorkQueues;
import com.nija.shared.market.PriceBook;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderTrigger;
import com.nija.shared.settings.RiskSettings;
import com.nija.shared.signals.FanoutService;
import com.nija.shared.signals.SourceRegistry;
import io.micronaut.context.ApplicationContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Signal fan-out: one order message per subscribed trader on the orders FIFO queue, nobody else. Each test uses a
 * signal source of its own, so only the traders it subscribes can match.
 */
class SignalFanoutHandlerTest {
    private final LocalBackends backends = LocalBackends.get();
    private final ApplicationContext context = backends.context();
    private final SignalFanoutHandler handler = new SignalFanoutHandler(context);
    private String source;

    @BeforeEach
    void freshSource() {
        source = "fan-" + UUID.randomUUID().toString().substring(0, 8);
        backends.queues().takeOrders();
    }

    /**
     * The sample fan-out message's signal, re-sent by this test's source under a fresh id, on a market of the test's
     * own (fan-out records a signal's price as the market's latest).
     */
    private Signal sampleSignalFrom(String sourceId, String symbol) {
        Signal sample = OrderMessages.readSignal(SqsEvents.load("sqs/signal-fanout.json").getRecords().get(0).getBody());
        return new Signal("sig-" + UUID.randomUUID(), sourceId, sample.strategy(), symbol, sample.action(),
                sample.orderType(), sample.limitPrice(), sample.stopLoss(), sample.takeProfit(), sample.quantityType(),
                sample.quantity(), sample.price(), PlatformClock.system().instant(), PlatformClock.system().instant());
    }

    private static List<Message> messagesFor(List<Message> all, String signalId) {
        return all.stream().filter(m -> OrderMessages.readOrder(m.body()).signal().signalId().equals(signalId)).toList();
    }

    @Test
    @DisplayName("only traders with trading on, subscribed to the source and allowing the symbol get an order message")
    void onlyMatchingSubscribersGetWork() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture allSymbols = TradingSetup.trader().subscribedTo(source).create();
        TraderFixture allowsIt = TradingSetup.trader().subscribedTo("other-source", source)
                .allowedSymbols(symbol, "BTC-USD").create();
        TraderFixture btcOnly = TradingSetup.trader().subscribedTo(source).allowedSymbols("BTC-USD").create();
        TraderFixture otherSource = TradingSetup.trader().subscribedTo("other-source").create();
        TraderFixture switchedOff = TradingSetup.trader().subscribedTo(source).create();
        RiskSettings on = context.getBean(com.nija.shared.settings.SettingsService.class).get(switchedOff.userId());
        switchedOff.saveSettings(new RiskSettings(on.positionSizePct(), on.maxOpenPositions(), on.dailyLossLimit(),
                on.allowedSymbols(), null, null, false, false, on.subscriptions(), null, null), on.version());
        TraderFixture neverOn = TradingSetup.trader().subscribedTo(source).tradingEnabled(false).create();
        Signal signal = sampleSignalFrom(source, symbol);

        SQSBatchResponse response = handler.handleRequest(SqsEvents.signal(signal), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<Message> sent = messagesFor(backends.queues().takeOrders(), signal.signalId());
        assertThat(sent).extracting(WorkQueueProbe::groupId)
                .containsExactlyInAnyOrder(allSymbols.userId(), allowsIt.userId());
        assertThat(sent).extracting(WorkQueueProbe::groupId).doesNotContain(btcOnly.userId(), otherSource.userId(),
                switchedOff.userId(), neverOn.userId());
    }

    @Test
    @DisplayName("each order message is grouped by trader and deduplicated by signal and trader, and carries the signal")
    void messagesCarryGroupAndDedupIds() {
        TraderFixture a = TradingSetup.trader().subscribedTo(source).create();
        TraderFixture b = TradingSetup.trader().subscribedTo(source).create();
        String symbol = TestSignals.uniqueSymbol();
        Signal signal = sampleSignalFrom(source, symbol);

        handler.handleRequest(SqsEvents.signal(signal), null);

        List<Message> sent = messagesFor(backends.queues().takeOrders(), signal.signalId());
        assertThat(sent).hasSize(2);
        for (Message m : sent) {
            OrderRequest request = OrderMessages.readOrder(m.body());
            assertThat(WorkQueueProbe.groupId(m)).isEqualTo(request.userId()).isIn(a.userId(), b.userId());
            assertThat(WorkQueueProbe.deduplicationId(m))
                    .isEqualTo(OrderMessages.dedupId(signal.signalId(), request.userId()));
            assertThat(request.trigger()).isEqualTo(OrderTrigger.SIGNAL);
            assertThat(request.positionId()).isNull();
            assertThat(request.signal().symbol()).isEqualTo(symbol);
            assertThat(request.signal().quantity()).isEqualByComparingTo(signal.quantity());
        }
    }

    @Test
    @DisplayName("subscriber lists are cached, but a settings change counts from the next signal: a new follower gets it, a trader who switched trading off does not")
    void settingsChangesReachTheNextSignal() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture early = TradingSetup.trader().subscribedTo(source).create();
        Signal first = sampleSignalFrom(source, symbol);
        handler.handleRequest(SqsEvents.signal(first), null);
        TraderFixture late = TradingSetup.trader().subscribedTo(source).create();
        RiskSettings on = context.getBean(com.nija.shared.settings.SettingsService.class).get(early.userId());
        early.saveSettings(new RiskSettings(on.positionSizePct(), on.maxOpenPositions(), on.dailyLossLimit(),
                on.allowedSymbols(), null, null, false, false, on.subscriptions(), null, null), on.version());
        Signal second = sampleSignalFrom(source, symbol);

        handler.handleRequest(SqsEvents.signal(second), null);

        List<Message> sent = backends.queues().takeOrders();
        assertThat(messagesFor(sent, first.signalId())).extracting(WorkQueueProbe::groupId)
                .containsExactly(early.userId());
        assertThat(messagesFor(sent, second.signalId())).extracting(WorkQueueProbe::groupId)
                .containsExactly(late.userId());
    }

    @Test
    @DisplayName("the same signal fanned out twice (a redelivered signals message) leaves one message per trader")
    void repeatedFanoutIsDeduplicated() {
        TraderFixture a = TradingSetup.trader().subscribedTo(source).create();
        Signal signal = sampleSignalFrom(source, TestSignals.uniqueSymbol());

        handler.handleRequest(SqsEvents.signal(signal), null);
        handler.handleRequest(SqsEvents.signal(signal), null);

        List<Message> sent = messagesFor(backends.queues().takeOrders(), signal.signalId());
        assertThat(sent).extracting(WorkQueueProbe::groupId).containsExactly(a.userId());
    }

    @Test
    @DisplayName("a signal that carries the sender's price makes it the market's latest price")
    void signalPriceBecomesLatest() {
        Signal sample = sampleSignalFrom(source, TestSignals.uniqueSymbol());

        handler.handleRequest(SqsEvents.signal(sample), null);

        assertThat(sample.price()).isNotNull();
        assertThat(context.getBean(PriceBook.class).latest(sample.symbol())).hasValueSatisfying(p ->
                assertThat(p).isEqualByComparingTo(sample.price()));
    }

    @Test
    @DisplayName("25 subscribers get 25 messages, sent as 3 SendMessageBatch calls of at most 10")
    void twentyFiveSubscribersInThreeBatches() {
        List<String> subscribers = new ArrayList<>();
        for (int i = 0; i < 25; i++) subscribers.add(TradingSetup.trader().subscribedTo(source).create().userId());
        AtomicInteger batchCalls = new AtomicInteger();
        SqsClient counting = countingBatches(context.getBean(SqsClient.class), batchCalls);
        FanoutService fanout = Rewired.build(FanoutService.class, Rewired.build(WorkQueues.class, counting));
        Signal signal = sampleSignalFrom(source, TestSignals.uniqueSymbol());

        int sentTo = fanout.fanOut(signal);

        assertThat(sentTo).isEqualTo(25);
        assertThat(batchCalls.get()).isEqualTo(3);
        List<Message> sent = messagesFor(backends.queues().takeOrders(), signal.signalId());
        assertThat(sent).hasSize(25);
        assertThat(sent.stream().map(WorkQueueProbe::groupId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(subscribers);
    }

    @Test
    @DisplayName("end to end: a signed signal becomes a filled order and an open position in a subscriber's account")
    void signalBecomesOrder() {
        String secret = "flow-secret-" + UUID.randomUUID();
        context.getBean(SourceRegistry.class).register(source, "SIGNALS", secret, List.of("*"), PlatformClock.system().instant());
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().subscribedTo(source).create().price(symbol, "200");
        String body = "{\"signalId\": \"flow-" + UUID.randomUUID() + "\", \"symbol\": \"" + symbol
                + "\", \"action\": \"buy\", \"quantityType\": \"usd\", \"quantity\": \"400\"}";
        APIGatewayV2HTTPEvent post = Events.signed(Events.http("api/signal-intake.json"), source, secret, body,
                PlatformClock.system().instant());
        backends.queues().takeSignals();

        int intakeStatus = new SignalIntakeHandler(context).handleRequest(post, null).getStatusCode();
        SQSBatchResponse fannedOut = handler.handleRequest(WorkQueueProbe.event(backends.queues().takeSignals()), null);
        SQSBatchResponse executed = new OrderExecutorHandler(context)
                .handleRequest(WorkQueueProbe.event(backends.queues().takeOrdersOf(trader.userId())), null);

        assertThat(intakeStatus).isEqualTo(202);
        assertThat(fannedOut.getBatchItemFailures()).isEmpty();
        assertThat(executed.getBatchItemFailures()).isEmpty();
        Books books = Books.of(trader.userId());
        assertThat(books.orders()).extracting(OrderItem::status).containsExactly(OrderStatus.FILLED);
        assertThat(books.positions()).hasSize(1);
        assertThat(books.positions().get(0).symbol()).isEqualTo(symbol);
        assertThat(books.positions().get(0).quantity()).isEqualByComparingTo("2"); // $400 at 200
    }

    /** A client that counts SendMessageBatch calls and passes everything on to the real one. */
    private static SqsClient countingBatches(SqsClient real, AtomicInteger calls) {
        return (SqsClient) Proxy.newProxyInstance(SqsClient.class.getClassLoader(), new Class<?>[] {SqsClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sendMessageBatch")) calls.incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
