package com.nija.functions.signals;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.engine.OrderExecutorHandler;
import com.nija.functions.support.Books;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.functions.support.WorkQueueProbe;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.PriceItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.prices.PriceBatchParser;
import com.nija.shared.market.PriceBook;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderTrigger;
import com.nija.shared.signals.SignalAuthenticator;
import com.nija.shared.signals.SourceRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * POST /internal/prices: a signed price feed updates latest prices, and each update closes the positions whose stop
 * it crossed and fills the resting limit orders it crossed — through the orders queue, like every other order.
 */
class PriceIngestHandlerTest {
    /** The price source and secret the sample event {@code events/api/price-ingest.json} is signed with. */
    private static final String FEED = "price-feed";
    private static final String FEED_SECRET = "price-feed-sample-secret-93d0";

    private static final LocalBackends backends = LocalBackends.get();
    private final ApplicationContext context = backends.context();
    private final PriceIngestHandler handler = new PriceIngestHandler(context);
    private final OrderExecutorHandler executor = new OrderExecutorHandler(context);

    @BeforeAll
    static void registerFeed() {
        backends.context().getBean(SourceRegistry.class).register(FEED, "PRICES", FEED_SECRET, List.of(), PlatformClock.system().instant());
    }

    private static String prices(String symbol, String price) {
        return "{\"prices\": [{\"symbol\": \"" + symbol + "\", \"price\": \"" + price + "\"}]}";
    }

    /** The sample event with this body, signed now by the feed. */
    private static APIGatewayV2HTTPEvent signed(String body) {
        APIGatewayV2HTTPEvent event = Events.withBody(Events.http("api/price-ingest.json"), body);
        return Events.withHeader(event, "X-Nija-Signature", SignalAuthenticator.sign(FEED_SECRET, body, PlatformClock.system().instant()));
    }

    private JsonNode ingest(String symbol, String price) {
        return ok(handler.handleRequest(signed(prices(symbol, price)), null));
    }

    private PriceItem storedPrice(String symbol) {
        return context.getBean(TradingTables.class).prices().getItem(r -> r.key(Key.builder()
                .partitionValue(Keys.price(symbol)).sortValue(Keys.LATEST).build()).consistentRead(true));
    }

    @Test
    @DisplayName("the sample event carries a valid signature of its body by the registered feed")
    void sampleIsSigned() {
        APIGatewayV2HTTPEvent sample = Events.http("api/price-ingest.json");
        String header = sample.getHeaders().get("x-nija-signature");
        long signedAt = Long.parseLong(header.substring(2, header.indexOf(',')));

        String expected = SignalAuthenticator.sign(FEED_SECRET, sample.getBody(), Instant.ofEpochSecond(signedAt));

        assertThat(header).isEqualTo(expected);
        assertThat(sample.getHeaders().get("x-nija-source")).isEqualTo(FEED);
    }

    @Test
    @DisplayName("a signed price update answers 200 with counts and becomes the latest price, in Redis and DynamoDB")
    void signedUpdateStored() {
        String symbol = TestSignals.uniqueSymbol();

        JsonNode counts = ingest(symbol.replace("-", ""), "123.45"); // BTCUSD-style names are accepted too

        assertThat(counts.path("prices").asInt()).isEqualTo(1);
        assertThat(counts.path("stopsAndTargets").asInt()).isZero();
        assertThat(counts.path("limitFills").asInt()).isZero();
        assertThat(context.getBean(PriceBook.class).latest(symbol)).hasValueSatisfying(p ->
                assertThat(p).isEqualByComparingTo("123.45"));
        assertThat(storedPrice(symbol).price()).isEqualByComparingTo("123.45");
    }

    @Test
    @DisplayName("an unsigned, badly signed or stale-signed update gets 401 and the price is not stored")
    void unsignedRefused() {
        String symbol = TestSignals.uniqueSymbol();
        String body = prices(symbol, "99");
        APIGatewayV2HTTPEvent unsigned = Events.withHeader(Events.withHeader(
                Events.withBody(Events.http("api/price-ingest.json"), body), "X-Nija-Signature", null), "X-Nija-Source", null);
        APIGatewayV2HTTPEvent wrongSecret = Events.withHeader(Events.withBody(Events.http("api/price-ingest.json"), body),
                "X-Nija-Signature", SignalAuthenticator.sign("not-the-secret", body, PlatformClock.system().instant()));
        APIGatewayV2HTTPEvent old = Events.withHeader(Events.withBody(Events.http("api/price-ingest.json"), body),
                "X-Nija-Signature", SignalAuthenticator.sign(FEED_SECRET, body, PlatformClock.system().instant().minus(Duration.ofMinutes(10))));
        APIGatewayV2HTTPEvent beyondCalendar = Events.withHeader(Events.withBody(Events.http("api/price-ingest.json"), body),
                "X-Nija-Signature", "t=99999999999999999,v1=00");

        List<APIGatewayV2HTTPResponse> responses = List.of(handler.handleRequest(unsigned, null),
                handler.handleRequest(wrongSecret, null), handler.handleRequest(old, null),
                handler.handleRequest(beyondCalendar, null));

        responses.forEach(r -> problem(r, 401, "unauthorized"));
        assertThat(storedPrice(symbol)).isNull();
    }

    @Test
    @DisplayName("a signal source cannot post prices: its valid signature still gets 401")
    void signalSourceCannotPostPrices() {
        String symbol = TestSignals.uniqueSymbol();
        String body = prices(symbol, "99");
        context.getBean(SourceRegistry.class).register("signals-only", "SIGNALS", "signals-only-secret", List.of("*"),
                PlatformClock.system().instant());
        APIGatewayV2HTTPEvent event = Events.withHeader(Events.withBody(Events.http("api/price-ingest.json"), body),
                "X-Nija-Source", "signals-only");
        Events.withHeader(event, "X-Nija-Signature", SignalAuthenticator.sign("signals-only-secret", body, PlatformClock.system().instant()));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        problem(response, 401, "unauthorized");
        assertThat(storedPrice(symbol)).isNull();
    }

    @Test
    @DisplayName("a price at or below an open long's stop-loss queues its close; the executor closes it as a stop-loss")
    void stopLossCrossingClosesPosition() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "100");
        OrderRequest buy = TestSignals.buy(symbol).usd("200").stopLossAt("95").forTrader(trader.userId());
        executor.handleRequest(SqsEvents.order(buy), null);
        String positionId = Books.of(trader.userId()).order(buy.orderId()).orElseThrow().positionId();
        backends.queues().takeOrders();

        JsonNode above = ingest(symbol, "96");
        List<Message> queuedAbove = backends.queues().takeOrdersOf(trader.userId());
        JsonNode crossed = ingest(symbol, "94");
        List<Message> queued = backends.queues().takeOrdersOf(trader.userId());
        SQSBatchResponse executed = executor.handleRequest(WorkQueueProbe.event(queued), null);

        assertThat(above.path("stopsAndTargets").asInt()).isZero();
        assertThat(queuedAbove).isEmpty();
        assertThat(crossed.path("stopsAndTargets").asInt()).isEqualTo(1);
        assertThat(queued).hasSize(1);
        OrderRequest close = OrderMessages.readOrder(queued.get(0).body());
        assertThat(close.trigger()).isEqualTo(OrderTrigger.STOP_LOSS);
        assertThat(close.positionId()).isEqualTo(positionId);
        assertThat(executed.getBatchItemFailures()).isEmpty();
        Books books = Books.of(trader.userId());
        PositionItem position = books.position(positionId).orElseThrow();
        assertThat(position.status()).isEqualTo("CLOSED");
        assertThat(position.exitPrice()).isEqualByComparingTo("93.953"); // 94 − 5 bps, exact
        OrderItem order = books.orderFor(close).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.intent()).isEqualTo(OrderIntent.CLOSE);
        assertThat(order.strategy()).isEqualTo("stop-loss");
        assertThat(order.source()).isEqualTo("engine");
    }

    @Test
    @DisplayName("a resting limit buy fills when the price drops below its limit, and the executor opens the position")
    void limitBuyFillsWhenCrossed() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "100");
        OrderRequest limitBuy = TestSignals.buy(symbol).limit("95").usd("190").forTrader(trader.userId());
        executor.handleRequest(SqsEvents.order(limitBuy), null);
        OrderItem resting = Books.of(trader.userId()).order(limitBuy.orderId()).orElseThrow();
        backends.queues().takeOrders();

        JsonNode counts = ingest(symbol, "94");
        List<Message> queued = backends.queues().takeOrdersOf(trader.userId());
        SQSBatchResponse executed = executor.handleRequest(WorkQueueProbe.event(queued), null);

        assertThat(resting.status()).isEqualTo(OrderStatus.RESTING);
        assertThat(counts.path("limitFills").asInt()).isEqualTo(1);
        assertThat(queued).hasSize(1);
        assertThat(OrderMessages.readOrder(queued.get(0).body()).trigger()).isEqualTo(OrderTrigger.LIMIT_FILL);
        assertThat(executed.getBatchItemFailures()).isEmpty();
        Books books = Books.of(trader.userId());
        OrderItem filled = books.order(limitBuy.orderId()).orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.fillPrice()).isEqualByComparingTo("94.047"); // 94 + 5 bps, under the 95 limit
        assertThat(books.orders()).hasSize(1);
        assertThat(books.paperOrders()).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(OrderStatus.FILLED));
        PositionItem position = books.positions().get(0);
        assertThat(position.status()).isEqualTo("OPEN");
        assertThat(position.quantity()).isEqualByComparingTo("2");      // $190 at the 95 limit
        assertThat(position.entryPrice()).isEqualByComparingTo("94.047");
        assertThat(books.trades()).hasSize(1);
    }

    @Test
    @DisplayName("a price above a resting limit buy leaves it resting")
    void limitBuyRestsAboveLimit() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "100");
        OrderRequest limitBuy = TestSignals.buy(symbol).limit("95").usd("190").forTrader(trader.userId());
        executor.handleRequest(SqsEvents.order(limitBuy), null);
        backends.queues().takeOrders();

        JsonNode counts = ingest(symbol, "95.50");

        assertThat(counts.path("limitFills").asInt()).isZero();
        assertThat(backends.queues().takeOrdersOf(trader.userId())).isEmpty();
        assertThat(Books.of(trader.userId()).order(limitBuy.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.RESTING);
        assertThat(Books.of(trader.userId()).positions()).isEmpty();
    }

    static Stream<Arguments> brokenPrices() {
        return Stream.of(
                Arguments.of("a huge exponent", "\"1e999999999\""),
                Arguments.of("a tiny exponent", "\"1e-999999999\""),
                Arguments.of("a huge exponent as a JSON number", "1e999999999"),
                Arguments.of("21 digits before the point", "\"123456789012345678901\""),
                Arguments.of("13 decimal places", "\"1.0000000000001\""),
                Arguments.of("not a number", "\"abc\""),
                Arguments.of("zero", "\"0\""),
                Arguments.of("a negative number", "-5"),
                Arguments.of("an object", "{}"),
                Arguments.of("a list", "[1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPrices")
    @DisplayName("a price outside the number grammar gets 422 naming the entry's price, and no price of the batch is stored")
    void brokenPriceRefused(String why, String price) {
        String good = TestSignals.uniqueSymbol();
        String bad = TestSignals.uniqueSymbol();
        String body = "{\"prices\": [{\"symbol\": \"" + good + "\", \"price\": \"10\"}, {\"symbol\": \"" + bad
                + "\", \"price\": " + price + "}]}";

        APIGatewayV2HTTPResponse response = handler.handleRequest(signed(body), null);

        JsonNode problem = problem(response, 422, "rule-violation");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("prices[1].price");
        assertThat(problem.toString()).doesNotContain("BigDecimal", "Exception", "Jackson");
        assertThat(storedPrice(good)).isNull();
        assertThat(storedPrice(bad)).isNull();
    }

    private static String batch(List<String> symbols, int count) {
        StringBuilder body = new StringBuilder("{\"prices\": [");
        for (int i = 0; i < count; i++) {
            if (i > 0) body.append(',');
            body.append("{\"symbol\": \"").append(symbols.get(i % symbols.size())).append("\", \"price\": \"")
                    .append(100 + i).append("\"}");
        }
        return body.append("]}").toString();
    }

    @Test
    @DisplayName("a batch of 1,000 prices is taken whole; 1,001 get 422 naming the cap, and none of them is stored")
    void batchCapped() {
        List<String> symbols = List.of(TestSignals.uniqueSymbol(), TestSignals.uniqueSymbol(), TestSignals.uniqueSymbol());
        List<String> over = List.of(TestSignals.uniqueSymbol());

        JsonNode full = ok(handler.handleRequest(signed(batch(symbols, PriceBatchParser.MAX_PRICES)), null));
        APIGatewayV2HTTPResponse tooMany = handler.handleRequest(signed(batch(over, PriceBatchParser.MAX_PRICES + 1)), null);

        assertThat(full.path("prices").asInt()).isEqualTo(1_000);
        // The last price of each market wins: entries 997, 998 and 999 (prices 1097, 1098, 1099).
        assertThat(storedPrice(symbols.get(1)).price()).isEqualByComparingTo("1097");
        assertThat(storedPrice(symbols.get(2)).price()).isEqualByComparingTo("1098");
        assertThat(storedPrice(symbols.get(0)).price()).isEqualByComparingTo("1099");
        JsonNode problem = problem(tooMany, 422, "rule-violation");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("prices");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("1000");
        assertThat(storedPrice(over.get(0))).isNull();
    }

    @Test
    @DisplayName("two prices of one batch that both cross a stop close the position once")
    void stopCrossedTwiceInOneBatchClosesOnce() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "100");
        OrderRequest buy = TestSignals.buy(symbol).usd("200").stopLossAt("95").forTrader(trader.userId());
        executor.handleRequest(SqsEvents.order(buy), null);
        backends.queues().takeOrders();
        String body = "{\"prices\": [{\"symbol\": \"" + symbol + "\", \"price\": \"94\"}, {\"symbol\": \"" + symbol
                + "\", \"price\": \"93\"}]}";

        JsonNode counts = ok(handler.handleRequest(signed(body), null));

        assertThat(counts.path("stopsAndTargets").asInt()).isEqualTo(1);
        assertThat(backends.queues().takeOrdersOf(trader.userId())).hasSize(1);
        assertThat(storedPrice(symbol).price()).isEqualByComparingTo("93");
    }
}
