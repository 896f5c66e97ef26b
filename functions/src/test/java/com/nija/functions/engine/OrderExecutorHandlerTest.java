package com.nija.functions.engine;

import static com.nija.functions.support.ApiResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Books;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.account.BotState;
import com.nija.shared.broker.PaperBrokerConfig;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.RollupItem;
import com.nija.shared.data.TradeItem;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.observability.DynamoWriteCounter;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderTrigger;
import com.nija.shared.trading.Side;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The order executor: one trader's share of a signal becomes at most one order, filled by the paper broker at the
 * latest price with the configured slippage and fee, applied once to positions, trades and roll-ups — or refused
 * with a reason the trader can read. Every test trades a market of its own, so prices never collide.
 */
class OrderExecutorHandlerTest {
    private final ApplicationContext context = LocalBackends.get().context();
    private final OrderExecutorHandler executor = new OrderExecutorHandler(context);
    private final GetOrdersHandler getOrders = new GetOrdersHandler(context);

    private SQSBatchResponse deliver(SQSEvent event) {
        return executor.handleRequest(event, null);
    }

    private JsonNode ordersWithStatus(String userId, String status) {
        return ok(getOrders.handleRequest(Events.withQuery(Events.http("api/get-orders.json", userId),
                Map.of("status", status)), null)).path("orders");
    }

    @Test
    @DisplayName("the sample executor event is what fan-out sends: its dedup id is hash(signal, trader), grouped by trader")
    void sampleEventMatchesFanout() {
        SQSEvent.SQSMessage sample = SqsEvents.load("sqs/order-executor.json").getRecords().get(0);

        OrderRequest request = OrderMessages.readOrder(sample.getBody());

        assertThat(sample.getAttributes().get("MessageGroupId")).isEqualTo(request.userId());
        assertThat(sample.getAttributes().get("MessageDeduplicationId"))
                .isEqualTo(OrderMessages.dedupId(request.signal().signalId(), request.userId()));
        assertThat(request.trigger()).isEqualTo(OrderTrigger.SIGNAL);
        assertThat(request.signal().symbol()).isEqualTo("BTC-USD");
    }

    @Test
    @DisplayName("the paper broker's defaults are 5 bps slippage and a 10 bps fee")
    void paperDefaults() {
        PaperBrokerConfig config = context.getBean(PaperBrokerConfig.class);

        assertThat(config.getSlippageBps()).isEqualByComparingTo("5");
        assertThat(config.getFeeBps()).isEqualByComparingTo("10");
    }

    @Test
    @DisplayName("a buy opens a long at the price plus 5 bps slippage, paying a 10 bps fee, with a FILLED order and a trade")
    void buyOpensPosition() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "50000");
        OrderRequest request = TestSignals.buy(symbol).usd("1000").forTrader(trader.userId());

        SQSBatchResponse response = deliver(SqsEvents.order(request));

        assertThat(response.getBatchItemFailures()).isEmpty();
        Books books = Books.of(trader.userId());
        OrderItem order = books.order(request.orderId()).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.intent()).isEqualTo(OrderIntent.OPEN);
        assertThat(order.side()).isEqualTo(OrderSide.BUY);
        assertThat(order.quantity()).isEqualByComparingTo("0.02");          // $1,000 at 50,000
        assertThat(order.fillPrice()).isEqualByComparingTo("50025.00");     // 50,000 + 5 bps
        assertThat(order.fee()).isEqualByComparingTo("1.00");               // 10 bps of 1,000.50
        PositionItem position = books.position(order.positionId()).orElseThrow();
        assertThat(position.status()).isEqualTo("OPEN");
        assertThat(position.side()).isEqualTo("LONG");
        assertThat(position.symbol()).isEqualTo(symbol);
        assertThat(position.quantity()).isEqualByComparingTo("0.02");
        assertThat(position.entryPrice()).isEqualByComparingTo("50025.00");
        assertThat(position.fees()).isEqualByComparingTo("1.00");
        List<TradeItem> trades = books.trades();
        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).side()).isEqualTo("BUY");
        assertThat(trades.get(0).price()).isEqualByComparingTo("50025.00");
        assertThat(trades.get(0).fee()).isEqualByComparingTo("1.00");
        assertThat(ordersWithStatus(trader.userId(), "filled")).hasSize(1);
    }

    @Test
    @DisplayName("a sell of a short-enabled trader opens a short at the price minus slippage")
    void sellOpensShortWhereAllowed() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().allowShorts(true).create().price(symbol, "2000");
        OrderRequest request = TestSignals.sell(symbol).usd("500").forTrader(trader.userId());

        deliver(SqsEvents.order(request));

        PositionItem position = Books.of(trader.userId()).positions().get(0);
        assertThat(position.side()).isEqualTo("SHORT");
        assertThat(position.quantity()).isEqualByComparingTo("0.25");
        assertThat(position.entryPrice()).isEqualByComparingTo("1999.00"); // 2,000 − 5 bps
    }

    @Test
    @DisplayName("the same order message delivered again and again leaves one order, one position, one trade, one paper order")
    void duplicateDeliveriesActOnce() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "100");
        OrderRequest request = TestSignals.buy(symbol).usd("300").forTrader(trader.userId());

        SQSBatchResponse first = deliver(SqsEvents.order(request, 1));
        SQSBatchResponse duplicate = deliver(SqsEvents.order(request, 1));
        SQSBatchResponse redelivered = deliver(SqsEvents.order(request, 2));

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(duplicate.getBatchItemFailures()).isEmpty();
        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        Books books = Books.of(trader.userId());
        assertThat(books.orders()).hasSize(1);
        assertThat(books.positions()).hasSize(1);
        assertThat(books.trades()).hasSize(1);
        assertThat(books.paperOrders()).hasSize(1);
    }

    @Test
    @DisplayName("an exit closes the long at the price minus slippage, realizing the price move less both fees")
    void exitRealizesPnl() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "50000");
        deliver(SqsEvents.order(TestSignals.buy(symbol).usd("1000").forTrader(trader.userId())));
        trader.price(symbol, "52000");
        OrderRequest exit = TestSignals.exit(symbol).forTrader(trader.userId());

        SQSBatchResponse closed = deliver(SqsEvents.order(exit));

        assertThat(closed.getBatchItemFailures()).isEmpty();
        Books books = Books.of(trader.userId());
        OrderItem close = books.orderFor(exit).orElseThrow();
        assertThat(close.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(close.intent()).isEqualTo(OrderIntent.CLOSE);
        assertThat(close.side()).isEqualTo(OrderSide.SELL);
        assertThat(close.fillPrice()).isEqualByComparingTo("51974.00");     // 52,000 − 5 bps
        assertThat(close.fee()).isEqualByComparingTo("1.04");               // 10 bps of 1,039.48
        PositionItem position = books.positions().get(0);
        assertThat(position.status()).isEqualTo("CLOSED");
        assertThat(position.exitPrice()).isEqualByComparingTo("51974.00");
        assertThat(position.fees()).isEqualByComparingTo("2.04");
        // (51,974 − 50,025) × 0.02 = 38.98, less 1.00 + 1.04 in fees
        assertThat(position.realizedPnl()).isEqualByComparingTo("36.94");
        assertThat(books.trades()).filteredOn(t -> t.realizedPnl() != null).singleElement()
                .satisfies(t -> assertThat(t.realizedPnl()).isEqualByComparingTo("36.94"));
        for (RollupItem rollup : List.of(books.today().orElseThrow(), books.lifetime().orElseThrow())) {
            assertThat(rollup.realizedPnl()).isEqualByComparingTo("36.94");
            assertThat(rollup.fees()).isEqualByComparingTo("2.04");
            assertThat(rollup.closedTrades()).isEqualTo(1L);
            assertThat(rollup.wins()).isEqualTo(1L);
        }
    }

    @Test
    @DisplayName("a close message processed twice closes once: one sell, and day and lifetime roll-ups count it once")
    void redeliveredCloseCountsOnce() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "50000");
        deliver(SqsEvents.order(TestSignals.buy(symbol).usd("1000").forTrader(trader.userId())));
        trader.price(symbol, "48000");
        OrderRequest exit = TestSignals.exit(symbol).forTrader(trader.userId());

        SQSBatchResponse first = deliver(SqsEvents.order(exit, 1));
        SQSBatchResponse again = deliver(SqsEvents.order(exit, 2));

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        Books books = Books.of(trader.userId());
        assertThat(books.orders()).hasSize(2);
        assertThat(books.paperOrders()).hasSize(2);
        assertThat(books.trades()).hasSize(2);
        // (47,976 − 50,025) × 0.02 = −40.98, less 1.00 + 0.96 in fees
        assertThat(books.positions().get(0).realizedPnl()).isEqualByComparingTo("-42.94");
        for (RollupItem rollup : List.of(books.today().orElseThrow(), books.lifetime().orElseThrow())) {
            assertThat(rollup.realizedPnl()).isEqualByComparingTo("-42.94");
            assertThat(rollup.fees()).isEqualByComparingTo("1.96");
            assertThat(rollup.closedTrades()).isEqualTo(1L);
            assertThat(rollup.losses()).isEqualTo(1L);
        }
    }

    @Test
    @DisplayName("DynamoDB item writes per order: an open 3 (order, position, trade), a close 5 (order, position, trade, day with its hour, lifetime)")
    void writesPerOrder() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "100");
        DynamoWriteCounter writes = context.getBean(DynamoWriteCounter.class);

        long before = writes.writes();
        deliver(SqsEvents.order(TestSignals.buy(symbol).usd("300").forTrader(trader.userId())));
        long opened = writes.writes();
        deliver(SqsEvents.order(TestSignals.exit(symbol).forTrader(trader.userId())));
        long closed = writes.writes();

        assertThat(opened - before).as("writes of an open").isEqualTo(3);
        assertThat(closed - opened).as("writes of a close").isEqualTo(5);
        assertThat(Books.of(trader.userId()).positions()).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo("CLOSED"));
    }

    /** A refusal case: the trader it needs, and the reason the trader should read. */
    record Refusal(Function<String, TraderFixture> trader, Function<String, TestSignals> signal, String reason) {}

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("the trader paused the bot", new Refusal(
                        s -> TradingSetup.trader().botState(BotState.PAUSED).create(),
                        TestSignals::buy, "bot is paused")),
                Arguments.of("trading is switched off in settings", new Refusal(
                        s -> TradingSetup.trader().tradingEnabled(false).create(),
                        TestSignals::buy, "trading is disabled in settings")),
                Arguments.of("the symbol is not in the allowed list", new Refusal(
                        s -> TradingSetup.trader().allowedSymbols("BTC-USD").create(),
                        TestSignals::buy, "%s is not in your allowed symbols")),
                Arguments.of("the trader holds their maximum of open positions", new Refusal(
                        s -> withOpen(TradingSetup.trader().maxOpenPositions(1).create(), "BTC-USD"),
                        TestSignals::buy, "max open positions (1) reached")),
                Arguments.of("today's losses reached the daily loss limit", new Refusal(
                        s -> TradingSetup.trader().dailyLossLimit("250").create()
                                .rollupClose(PlatformClock.system().instant(), "4.00", "5000", "-300.00"),
                        TestSignals::buy, "daily loss limit of 250 reached")),
                Arguments.of("a sell without a position while shorts are off", new Refusal(
                        s -> TradingSetup.trader().allowShorts(false).create(),
                        TestSignals::sell, "no %s position to sell and shorts are off in settings")),
                Arguments.of("a buy while already long", new Refusal(
                        s -> withOpen(TradingSetup.trader().create(), s),
                        TestSignals::buy, "already long %s")),
                Arguments.of("an exit without a position", new Refusal(
                        s -> TradingSetup.trader().create(),
                        TestSignals::exit, "no open %s position to exit")),
                // The price is 100; the paper broker fills a buy at 100.05 and a sell at 99.95 (5 bps slippage).
                Arguments.of("a buy's stop-loss at the price it would fill at", new Refusal(
                        s -> TradingSetup.trader().create(),
                        s -> TestSignals.buy(s).stopLossAt("100.05"),
                        "stop-loss 100.05 is already crossed at the fill price 100.05")),
                Arguments.of("a buy's take-profit that the slippage already passes", new Refusal(
                        s -> TradingSetup.trader().create(),
                        s -> TestSignals.buy(s).takeProfitAt("100.02"),
                        "take-profit 100.02 is already crossed at the fill price 100.05")),
                Arguments.of("a short's stop-loss below the price it would fill at", new Refusal(
                        s -> TradingSetup.trader().allowShorts(true).create(),
                        s -> TestSignals.sell(s).stopLossAt("99.9"),
                        "stop-loss 99.9 is already crossed at the fill price 99.95")),
                Arguments.of("a short's take-profit above the price it would fill at", new Refusal(
                        s -> TradingSetup.trader().allowShorts(true).create(),
                        s -> TestSignals.sell(s).takeProfitAt("99.97"),
                        "take-profit 99.97 is already crossed at the fill price 99.95")));
    }

    private static TraderFixture withOpen(TraderFixture trader, String symbol) {
        trader.openPosition("p-held", symbol, Side.LONG, "1", "100", "0.10");
        return trader;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    @DisplayName("a refused order is recorded with its reason, places nothing, and GET /orders?status=refused shows it")
    void refusalsRecordedWithReason(String why, Refusal refusal) {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = refusal.trader().apply(symbol).price(symbol, "100").price("BTC-USD", "60000");
        OrderRequest request = refusal.signal().apply(symbol).usd("100").forTrader(trader.userId());
        String reason = refusal.reason().formatted(symbol);

        SQSBatchResponse response = deliver(SqsEvents.order(request));

        assertThat(response.getBatchItemFailures()).as("a refusal is final, not retried").isEmpty();
        Books books = Books.of(trader.userId());
        OrderItem order = books.order(request.orderId()).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(order.reason()).isEqualTo(reason);
        assertThat(books.paperOrders()).isEmpty();
        assertThat(books.trades()).isEmpty();
        JsonNode refused = ordersWithStatus(trader.userId(), "refused");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).path("orderId").asText()).isEqualTo(request.orderId());
        assertThat(refused.get(0).path("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.get(0).path("reason").asText()).isEqualTo(reason);
        assertThat(refused.get(0).path("symbol").asText()).isEqualTo(symbol);
        assertThat(ordersWithStatus(trader.userId(), "filled")).isEmpty();
    }

    @Test
    @DisplayName("the orders list shows refusals and fills side by side, each under its own status filter")
    void ordersListFiltersByStatus() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "10");
        OrderRequest buy = TestSignals.buy(symbol).usd("100").forTrader(trader.userId());
        OrderRequest buyAgain = TestSignals.buy(symbol).usd("100").forTrader(trader.userId());

        deliver(SqsEvents.order(buy));
        deliver(SqsEvents.order(buyAgain));

        assertThat(ordersWithStatus(trader.userId(), "filled")).singleElement()
                .satisfies(o -> assertThat(o.path("orderId").asText()).isEqualTo(buy.orderId()));
        assertThat(ordersWithStatus(trader.userId(), "refused")).singleElement().satisfies(o -> {
            assertThat(o.path("orderId").asText()).isEqualTo(buyAgain.orderId());
            assertThat(o.path("reason").asText()).isEqualTo("already long " + symbol);
        });
    }
}
