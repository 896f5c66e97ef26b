package com.nija.functions.engine;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Books;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.TradeEventBus;
import com.nija.shared.engine.TradeListener;
import com.nija.shared.order.OrderSide;
import com.nija.shared.trading.Side;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /api/v1/trading/close-position: a trader closes one of their positions at market, once. */
class ClosePositionHandlerTest {
    private final ApplicationContext context = LocalBackends.get().context();
    private final ClosePositionHandler handler = new ClosePositionHandler(context);

    private static APIGatewayV2HTTPEvent closeRequest(String userId, String positionId) {
        return Events.withBody(Events.http("api/close-position.json", userId), "{\"positionId\": \"" + positionId + "\"}");
    }

    /** A trader holding a long of 0.02 opened by the executor at 50,025 (50,000 + slippage), 1.00 fee. */
    private String openLong(TraderFixture trader, String symbol) {
        trader.price(symbol, "50000");
        OrderRequest buy = TestSignals.buy(symbol).usd("1000").forTrader(trader.userId());
        new OrderExecutorHandler(context).handleRequest(SqsEvents.order(buy), null);
        return Books.of(trader.userId()).order(buy.orderId()).orElseThrow().positionId();
    }

    @Test
    @DisplayName("closing an open position sells it at market (200 with the filled order) and realizes the P&L net of both fees")
    void closesAtMarket() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create();
        String positionId = openLong(trader, symbol);
        trader.price(symbol, "51000");

        APIGatewayV2HTTPResponse response = handler.handleRequest(closeRequest(trader.userId(), positionId), null);

        JsonNode order = ok(response);
        assertThat(order.path("status").asText()).isEqualTo("FILLED");
        assertThat(order.path("intent").asText()).isEqualTo("CLOSE");
        assertThat(order.path("side").asText()).isEqualTo("SELL");
        assertThat(order.path("positionId").asText()).isEqualTo(positionId);
        assertThat(order.path("strategy").asText()).isEqualTo("manual");
        assertThat(order.path("fillPrice").asText()).isEqualTo("50974.5");  // 51,000 − 5 bps exactly, as a string
        assertThat(order.path("fee").asText()).isEqualTo("1.02");            // 10 bps of 1,019.49
        PositionItem position = Books.of(trader.userId()).position(positionId).orElseThrow();
        assertThat(position.status()).isEqualTo("CLOSED");
        // (50,974.50 − 50,025) × 0.02 = 18.99, less 1.00 + 1.02 in fees
        assertThat(position.realizedPnl()).isEqualByComparingTo("16.97");
        assertThat(Books.of(trader.userId()).lifetime().orElseThrow().realizedPnl()).isEqualByComparingTo("16.97");
    }

    @Test
    @DisplayName("the engine tells its listeners (live pushes) the closed position exactly as it is stored, without a read")
    void listenersGetTheStoredPosition() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create();
        String positionId = openLong(trader, symbol);
        trader.price(symbol, "51000");
        List<PositionItem> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        TradeListener listener = new TradeListener() {
            @Override
            public void filled(OrderItem order, PositionItem position, BigDecimal realizedPnl) {
                if (order.userId().equals(trader.userId())) told.add(position);
            }
        };
        TradeEventBus bus = context.getBean(TradeEventBus.class);
        bus.subscribe(listener);
        try {
            ok(handler.handleRequest(closeRequest(trader.userId(), positionId), null));
        } finally {
            bus.unsubscribe(listener);
        }

        PositionItem stored = Books.of(trader.userId()).position(positionId).orElseThrow();
        assertThat(told).singleElement().usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(stored);
        assertThat(stored.status()).isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("another trader's position id gets 404 and their position stays open")
    void otherTradersPositionIsNotFound() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture owner = TradingSetup.trader().create();
        String positionId = openLong(owner, symbol);
        TraderFixture intruder = TradingSetup.trader().create();

        APIGatewayV2HTTPResponse response = handler.handleRequest(closeRequest(intruder.userId(), positionId), null);

        problem(response, 404, "not-found");
        assertThat(Books.of(owner.userId()).position(positionId).orElseThrow().status()).isEqualTo("OPEN");
        assertThat(Books.of(owner.userId()).paperOrders()).hasSize(1);
        assertThat(Books.of(intruder.userId()).orders()).isEmpty();
    }

    @Test
    @DisplayName("a position that is already closed gets 409 and nothing is sold")
    void alreadyClosedIsConflict() {
        TraderFixture trader = TradingSetup.trader().create();
        trader.closedPosition("p-done", "BTC-USD", Side.LONG, "0.1", "60000", "61000", "87.90", "12.10");

        APIGatewayV2HTTPResponse response = handler.handleRequest(closeRequest(trader.userId(), "p-done"), null);

        problem(response, 409, "conflict");
        assertThat(Books.of(trader.userId()).paperOrders()).isEmpty();
        assertThat(Books.of(trader.userId()).trades()).isEmpty();
    }

    @Test
    @DisplayName("closing the same position twice: the second request gets 409 and the first order stands")
    void secondCloseIsConflict() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create();
        String positionId = openLong(trader, symbol);

        APIGatewayV2HTTPResponse first = handler.handleRequest(closeRequest(trader.userId(), positionId), null);
        APIGatewayV2HTTPResponse second = handler.handleRequest(closeRequest(trader.userId(), positionId), null);

        ok(first);
        problem(second, 409, "conflict");
        assertThat(Books.of(trader.userId()).paperOrders()).hasSize(2); // the open and one close
    }

    @Test
    @DisplayName("a request without positionId gets 400")
    void missingPositionId() {
        TraderFixture trader = TradingSetup.trader().create();

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                Events.withBody(Events.http("api/close-position.json", trader.userId()), "{}"), null);

        problem(response, 400, "invalid-input");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1,024 characters                 | 1024 | a
            101 characters, one over         | 101  | a
            a key separator                  | 1    | p#1
            a space                          | 1    | 'p 1'
            a letter outside ASCII           | 1    | pé
            an empty id                      | 1    | ''
            """)
    @DisplayName("a position id past its length or outside its characters is refused with 400 naming positionId, nothing sold")
    void oversizedOrOddPositionId(String what, int repeat, String unit) {
        TraderFixture trader = TradingSetup.trader().create();
        openLong(trader, TestSignals.uniqueSymbol());
        int itemsBefore = TraderFixture.storedItemCount(trader.userId());
        String positionId = unit.repeat(repeat);

        APIGatewayV2HTTPResponse response = handler.handleRequest(closeRequest(trader.userId(), positionId), null);

        JsonNode body = problem(response, 400, "invalid-input");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("positionId");
        assertThat(body.toString()).doesNotContain("aaaaaaaaaa");
        assertThat(TraderFixture.storedItemCount(trader.userId())).isEqualTo(itemsBefore);
    }

    @Test
    @DisplayName("the sample oversized-id event (a position id of 1,024 characters) gets 400, not a 500 from the database")
    void sampleOversizedIdEvent() {
        TraderFixture trader = TradingSetup.trader().create();

        JsonNode body = problem(handler.handleRequest(Events.http("api/close-position-oversized-id.json", trader.userId()),
                null), 400, "invalid-input");

        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("positionId");
        assertThat(body.path("errors").get(0).path("message").asText()).contains("100");
    }

    @Test
    @DisplayName("a well-formed position id of the full 100 characters that names no position gets 404, not 400")
    void longestPositionIdIsAnId() {
        TraderFixture trader = TradingSetup.trader().create();

        problem(handler.handleRequest(closeRequest(trader.userId(), "p".repeat(100)), null), 404, "not-found");
    }

    @Test
    @DisplayName("two concurrent closes of one position (a double click): exactly one 200 and one 409, one sell, one trade")
    void concurrentClosesCloseOnce() throws Exception {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create();
        String positionId = openLong(trader, symbol);
        List<ClosePositionHandler> handlers = List.of(new ClosePositionHandler(context), new ClosePositionHandler(context));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
        try {
            for (ClosePositionHandler h : handlers) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return h.handleRequest(closeRequest(trader.userId(), positionId), null);
                }));
            }

            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<APIGatewayV2HTTPResponse> f : futures) statuses.add(f.get(20, TimeUnit.SECONDS).getStatusCode());

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        Books books = Books.of(trader.userId());
        assertThat(books.position(positionId).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(books.paperOrders()).filteredOn(p -> p.side() == OrderSide.SELL).hasSize(1);
        assertThat(books.trades()).filteredOn(t -> "SELL".equals(t.side())).hasSize(1);
        assertThat(books.lifetime().orElseThrow().closedTrades()).isEqualTo(1L);
    }
}
