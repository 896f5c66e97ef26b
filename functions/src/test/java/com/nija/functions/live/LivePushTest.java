package com.nija.functions.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.engine.PauseTradingHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.ControlItem;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.data.ControlItem;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.engine.KillSwitch;
import com.nija.shared.live.ConnectionRegistry;
import com.nija.shared.live.Format;
import com.nija.shared.live.LiveEvents;
import com.nija.shared.live.LiveSessions;
import com.nija.shared.live.MessageCodec;
import com.nija.shared.live.PriceWatchItem;
import com.nija.shared.observability.InMemoryMetricsSink;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderType;
import com.nija.shared.market.PriceUpdate;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Pushes through the real {@code ApiGatewayManagementApiClient} to a recording {@code @connections} endpoint, with
 * connections stored in dynalite and sequence numbers in Redis: what each connection receives, in which messages.
 */
class LivePushTest {
    private final LiveContext live = LiveContext.get();
    private final ApplicationContext context = live.context;
    private final LiveEvents events = context.getBean(LiveEvents.class);
    private final LiveSessions sessions = context.getBean(LiveSessions.class);
    private final ConnectionRegistry registry = context.getBean(ConnectionRegistry.class);
    private final InMemoryMetricsSink metrics = LocalBackends.get().metrics();

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String newConnection() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 15) + "=";
    }

    /** Opens a JSON connection for {@code user} holding {@code channels}; returns its id. */
    String connect(String user, String... channels) {
        String conn = newConnection();
        sessions.open(user, conn, null, List.of(channels), null, null);
        return conn;
    }

    /** A filled opening order. */
    OrderItem openFill(String user, String symbol) {
        String orderId = newId("o");
        Instant at = PlatformClock.system().instant().truncatedTo(ChronoUnit.MILLIS);
        return new OrderItem(Keys.user(user), Keys.order(orderId), orderId, user, newId("sig"), "src",
                "default", symbol, OrderSide.BUY, OrderIntent.OPEN, orderId, OrderType.MARKET, null,
                new BigDecimal("0.5"), new BigDecimal("50.00"), null, null, OrderStatus.FILLED, null,
                new BigDecimal("100.00"), new BigDecimal("0.05"), at, at.minusMillis(30), null, null, null, null, null, null, null, null, null, null);
    }

    /** The position the ledger opens for {@code order}. */
    static PositionItem opened(OrderItem order) {
        return new PositionItem(order.pk(), Keys.position(order.orderId()), order.orderId(), order.userId(),
                order.symbol(), "LONG", order.quantity(), order.fillPrice(), "OPEN", order.filledAt(), null, null, null,
                order.fee(), null, null, Keys.openBySymbol(order.symbol()), order.userId() + "#" + order.orderId(), null,
                null, null, null);
    }

    /** The engine's callback for an opening fill. */
    void filled(OrderItem order) {
        events.filled(order, opened(order), null);
    }

    OrderItem refused(String user, String symbol) {
        String orderId = newId("o");
        return new OrderItem(Keys.user(user), Keys.order(orderId), orderId, user, newId("sig"), "src", "default", symbol,
                OrderSide.BUY, null, null, OrderType.MARKET, null, null, null, null, null, OrderStatus.REFUSED,
                "daily loss limit reached", null, null, null, PlatformClock.system().instant(), null, null, null, null, null, null, null, null, null, null);
    }

    static Map<String, Object> json(ConnectionsRecorder.Post post) {
        return MessageCodec.decode(post.body(), Format.JSON);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> updates(Map<String, Object> message) {
        return (List<Map<String, Object>>) message.get("updates");
    }

    static List<String> events(Map<String, Object> message) {
        return updates(message).stream().map(u -> (String) u.get("event")).toList();
    }

    /** Runs {@code work} inside an invocation's metrics scope and returns how much a metric grew. */
    double counted(String metric, Runnable work) {
        double before = metrics.total(metric);
        Telemetry.begin();
        try {
            work.run();
        } finally {
            Telemetry.end("LivePushTest");
        }
        return metrics.total(metric) - before;
    }

    @Test
    @DisplayName("a fill reaches the trader's connection as one message: order, trade, position, in that order, seq 1")
    void fillIsOneMessageInOrder() {
        String user = newId("trader");
        String conn = connect(user, "orders", "trades", "positions");
        OrderItem order = openFill(user, "BTC-USD");

        double sent = counted("PushSent", () -> filled(order));

        List<ConnectionsRecorder.Post> posts = live.recorder.postsTo(conn);
        assertThat(posts).hasSize(1);
        Map<String, Object> message = json(posts.get(0));
        assertThat(message).containsEntry("type", "updates").containsEntry("seq", 1);
        assertThat(events(message)).containsExactly("order.filled", "trade.executed", "position.opened");
        Map<String, Object> filled = (Map<String, Object>) updates(message).get(0).get("data");
        assertThat(filled).containsEntry("orderId", order.orderId()).containsEntry("fillPrice", "100.00")
                .containsEntry("status", "FILLED");
        assertThat(new String(posts.get(0).body(), StandardCharsets.UTF_8)).doesNotContain("\"userId\"");
        assertThat(sent).isEqualTo(1);
    }

    @Test
    @DisplayName("a connection on another region's WebSocket API is pushed to through that API, not this region's")
    void pushesGoToTheConnectionsOwnApi() throws Exception {
        String user = newId("trader");
        String here = newConnection();
        String there = newConnection();
        try (ConnectionsRecorder otherRegion = new ConnectionsRecorder()) {
            sessions.open(user, here, null, List.of("orders"), null, null);
            sessions.open(user, there, null, List.of("orders"), null, otherRegion.endpoint().toString());

            events.recorded(refused(user, "ETH-USD"));

            assertThat(live.recorder.postsTo(here)).hasSize(1);
            assertThat(live.recorder.postsTo(there)).isEmpty();
            assertThat(otherRegion.postsTo(there)).singleElement()
                    .satisfies(p -> assertThat(events(json(p))).containsExactly("order.refused"));
            assertThat(registry.find(user, there)).as("not mistaken for a gone connection").isPresent();
        }
    }

    @Test
    @DisplayName("a market move reaches a trader as one message with each open position's unrealized P&L")
    void marksArePushedPerTrader() {
        String user = newId("trader");
        String positions = connect(user, "positions");
        String ordersOnly = connect(user, "orders");
        OrderItem btc = openFill(user, "BTC-USD");   // long 0.5 @ 100
        PositionItem btcPosition = opened(btc);
        PositionItem ethShort = new PositionItem(Keys.user(user), Keys.position("p-eth"), "p-eth", user, "ETH-USD",
                "SHORT", new BigDecimal("2"), new BigDecimal("3000"), "OPEN", PlatformClock.system().instant(), null, null, null,
                BigDecimal.ZERO, null, null, null, null, null, null, null, null);

        events.positionsMarked(new java.util.LinkedHashMap<>(Map.of(
                btcPosition, new PriceUpdate("BTC-USD", new BigDecimal("104.10"), null),
                ethShort, new PriceUpdate("ETH-USD", new BigDecimal("2990.5"), null))));

        assertThat(live.recorder.postsTo(ordersOnly)).isEmpty();
        assertThat(live.recorder.postsTo(positions)).singleElement().satisfies(post -> {
            List<Map<String, Object>> updates = updates(json(post));
            assertThat(updates).extracting(u -> u.get("event")).containsOnly("pnl.changed");
            assertThat(updates).extracting(u -> (Object) ((Map<?, ?>) u.get("data")).get("unrealizedPnl"))
                    .containsExactlyInAnyOrder("2.05", "19.00");
        });
    }

    @Test
    @DisplayName("each message of a connection carries the next sequence number")
    void sequenceNumbersIncrease() {
        String user = newId("trader");
        String conn = connect(user, "orders");

        for (int i = 0; i < 3; i++) events.recorded(refused(user, "ETH-USD"));

        assertThat(live.recorder.postsTo(conn)).extracting(p -> json(p).get("seq")).containsExactly(1, 2, 3);
        assertThat(live.recorder.postsTo(conn)).allSatisfy(p -> assertThat(events(json(p))).containsExactly("order.refused"));
        long ttl = context.getBean(RedisGateway.class).call(r -> r.ttl("live:seq:" + conn)).orElseThrow();
        assertThat(ttl).as("the counter outlives the connection (2 h) and then goes").isBetween(2 * 3600L, 3 * 3600L);
    }

    @Test
    @DisplayName("the first fill after a subscribe finds the trader's connections in the cache: no table query on the fill's path")
    void subscribeLoadsTheConnectionList() {
        String user = newId("trader");
        String conn = connect(user);
        sessions.subscribe(user, conn, List.of("orders"), null);

        double misses = counted("CacheMiss", () -> events.recorded(refused(user, "BTC-USD")));

        assertThat(misses).isZero();
        assertThat(live.recorder.postsTo(conn)).hasSize(1);
    }

    @Test
    @DisplayName("after an unsubscribe the cached connection list is the new one: the channel's updates stop at once")
    void unsubscribeIsSeenByTheNextFill() {
        String user = newId("trader");
        String conn = connect(user, "orders", "trades");
        events.recorded(refused(user, "BTC-USD"));
        sessions.unsubscribe(user, conn, List.of("orders"));

        events.recorded(refused(user, "BTC-USD"));

        assertThat(live.recorder.postsTo(conn)).hasSize(1);
    }

    @Test
    @DisplayName("each recorded order is pushed under the event that names its state: refused, failed, placed (resting), cancelled")
    void recordedOrdersNameTheirState() {
        String user = newId("trader");
        String conn = connect(user, "orders");
        OrderItem r = refused(user, "ETH-USD");

        for (OrderStatus status : List.of(OrderStatus.REFUSED, OrderStatus.FAILED, OrderStatus.RESTING,
                OrderStatus.CANCELLED)) {
            events.recorded(r.withStatus(status, r.reason()));
        }

        assertThat(live.recorder.postsTo(conn)).extracting(p -> events(json(p)).get(0))
                .containsExactly("order.refused", "order.failed", "order.placed", "order.cancelled");
    }

    @Test
    @DisplayName("a connection gets only the channels it subscribed to; one with none relevant gets nothing")
    void onlySubscribedChannels() {
        String user = newId("trader");
        String positionsOnly = connect(user, "positions");
        String pricesOnly = connect(user, "prices:BTC-USD");

        filled(openFill(user, "SOL-USD"));

        assertThat(live.recorder.postsTo(positionsOnly)).singleElement()
                .satisfies(p -> assertThat(events(json(p))).containsExactly("position.opened"));
        assertThat(live.recorder.postsTo(pricesOnly)).isEmpty();
    }

    @Test
    @DisplayName("another trader's connection never receives this trader's updates")
    void otherTradersHearNothing() {
        String alice = newId("alice");
        String bob = newId("bob");
        String aliceConn = connect(alice, "orders", "trades", "positions");
        String bobConn = connect(bob, "orders", "trades", "positions");

        filled(openFill(alice, "BTC-USD"));
        events.recorded(refused(alice, "BTC-USD"));

        assertThat(live.recorder.postsTo(aliceConn)).hasSize(2);
        assertThat(live.recorder.postsTo(bobConn)).isEmpty();
    }

    @Test
    @DisplayName("a closing fill adds the realized P&L change after the closed position")
    void closeCarriesPnl() {
        String user = newId("trader");
        String conn = connect(user, "positions");
        OrderItem open = openFill(user, "BTC-USD");
        PositionItem p = opened(open);
        PositionItem closed = new PositionItem(p.pk(), p.sk(), p.positionId(), p.userId(), p.symbol(), p.side(),
                p.quantity(), p.entryPrice(), "CLOSED", p.openedAt(), PlatformClock.system().instant(), new BigDecimal("110.00"),
                new BigDecimal("4.90"), new BigDecimal("0.10"), null, null, null, null, null, null, null, null);
        OrderItem close = new OrderItem(open.pk(), Keys.order("c-" + open.orderId()), "c-" + open.orderId(), user,
                newId("sig"), "src", "default", "BTC-USD", OrderSide.SELL, OrderIntent.CLOSE, open.positionId(),
                OrderType.MARKET, null, open.quantity(), null, null, null, OrderStatus.FILLED, null,
                new BigDecimal("110.00"), new BigDecimal("0.05"), PlatformClock.system().instant(), PlatformClock.system().instant(), null, null, null, null, null, null, null, null, null, null);

        events.filled(close, closed, new BigDecimal("4.90"));

        Map<String, Object> message = json(live.recorder.postsTo(conn).get(0));
        assertThat(events(message)).containsExactly("position.closed", "pnl.changed");
        assertThat((Map<String, Object>) updates(message).get(0).get("data")).containsEntry("exitPrice", "110.00")
                .containsEntry("status", "CLOSED");
        assertThat((Map<String, Object>) updates(message).get(1).get("data")).containsEntry("realizedPnl", "4.90");
    }

    @Test
    @DisplayName("a msgpack connection gets binary messages that decode to the same content as the JSON ones")
    void msgpackConnection() {
        String user = newId("trader");
        String jsonConn = newConnection();
        String msgpackConn = newConnection();
        sessions.open(user, jsonConn, null, List.of("orders"), "json", null);
        sessions.open(user, msgpackConn, null, List.of("orders"), "msgpack", null);

        events.recorded(refused(user, "BTC-USD"));

        Map<String, Object> fromJson = json(live.recorder.postsTo(jsonConn).get(0));
        Map<String, Object> fromMsgpack = MessageCodec.decode(live.recorder.postsTo(msgpackConn).get(0).body(), Format.MSGPACK);
        fromJson.remove("sentAt");
        fromMsgpack.remove("sentAt");
        assertThat(fromMsgpack).isEqualTo(fromJson);
    }

    @Test
    @DisplayName("Gone (410) removes the stale connection and its price watches; later pushes skip it")
    void goneRemovesConnection() {
        String user = newId("trader");
        String conn = connect(user, "orders", "prices:XRP-USD");
        live.recorder.gone(conn);

        double gone = counted("PushGone", () -> events.recorded(refused(user, "XRP-USD")));

        assertThat(gone).isEqualTo(1);
        assertThat(registry.find(user, conn)).isEmpty();
        assertThat(registry.watchers("XRP-USD", PlatformClock.system().instant())).extracting(PriceWatchItem::connectionId).doesNotContain(conn);
        int requests = live.recorder.requests();
        events.recorded(refused(user, "XRP-USD"));
        assertThat(live.recorder.requests()).isEqualTo(requests);
    }

    @Test
    @DisplayName("server errors are retried with backoff and counted; the message arrives once")
    void retriesThenDelivers() {
        String user = newId("trader");
        String conn = connect(user, "orders");
        live.recorder.failNext(conn, 2);

        double retried = counted("PushRetried", () -> events.recorded(refused(user, "BTC-USD")));

        assertThat(retried).isEqualTo(2);
        assertThat(live.recorder.postsTo(conn)).hasSize(1);
    }

    @Test
    @DisplayName("a push that keeps failing is counted and never fails the trade that caused it")
    void failureNeverThrows() {
        String user = newId("trader");
        String conn = connect(user, "orders", "trades", "positions");
        live.recorder.failNext(conn, 100);
        OrderItem order = openFill(user, "BTC-USD");

        double[] failed = new double[1];
        assertThatCode(() -> failed[0] = counted("PushFailed", () -> filled(order))).doesNotThrowAnyException();

        assertThat(failed[0]).isEqualTo(1);
        assertThat(live.recorder.postsTo(conn)).isEmpty();
    }

    @Test
    @DisplayName("a batch of 25 prices reaches a watching connection as messages of 10, 10 and 5, numbered in order")
    void pricesAreBatched() {
        String symbol = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase() + "-USD";
        String user = newId("trader");
        String watching = connect(user, "prices:" + symbol);
        String notWatching = connect(user, "prices:BTC-USD");
        Instant t0 = PlatformClock.system().instant();
        List<PriceUpdate> prices = IntStream.range(0, 25)
                .mapToObj(i -> new PriceUpdate(symbol, new BigDecimal("10.00").add(BigDecimal.valueOf(i)), t0.plusMillis(i)))
                .toList();

        events.pricesChanged(prices);

        List<Map<String, Object>> messages = live.recorder.postsTo(watching).stream().map(LivePushTest::json).toList();
        assertThat(messages).extracting(m -> updates(m).size()).containsExactly(10, 10, 5);
        assertThat(messages).extracting(m -> m.get("seq")).containsExactly(1, 2, 3);
        assertThat(messages.stream().flatMap(m -> updates(m).stream())
                .map(u -> ((Map<String, Object>) u.get("data")).get("price")).toList())
                .isEqualTo(prices.stream().map(p -> p.price().toPlainString()).toList());
        assertThat(updates(messages.get(0)).get(0)).containsEntry("channel", "prices:" + symbol).containsEntry("event", "price");
        assertThat(live.recorder.postsTo(notWatching)).isEmpty();
    }

    @Test
    @DisplayName("a trader pausing their bot from one device: all their connections hear bot.paused, whatever they subscribed to; nobody else does")
    void pauseReachesTheTradersDevices() {
        String user = newId("trader");
        String phone = connect(user);
        String laptop = connect(user, "prices:BTC-USD");
        String someoneElse = connect(newId("other"), "orders");

        APIGatewayV2HTTPResponse response = new PauseTradingHandler(context)
                .handleRequest(Events.http("api/pause-trading.json", user), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        for (String conn : List.of(phone, laptop)) {
            assertThat(live.recorder.postsTo(conn)).singleElement().satisfies(p -> {
                Map<String, Object> update = updates(json(p)).get(0);
                assertThat(update).containsEntry("channel", "system").containsEntry("event", "bot.paused");
                assertThat((Map<String, Object>) update.get("data")).containsEntry("botState", "paused")
                        .containsEntry("reason", "paused by the trader");
            });
        }
        assertThat(live.recorder.postsTo(someoneElse)).isEmpty();
    }

    @Test
    @DisplayName("the engine pausing a bot after broker errors tells the trader why, as bot.paused")
    void enginePauseCarriesTheReason() {
        String user = newId("trader");
        String conn = connect(user, "orders");

        events.botPaused(user, "paused after 5 broker errors in a row (last: insufficient margin)");

        assertThat(live.recorder.postsTo(conn)).singleElement().satisfies(p -> assertThat(
                (Map<String, Object>) updates(json(p)).get(0).get("data"))
                .containsEntry("reason", "paused after 5 broker errors in a row (last: insufficient margin)"));
    }

    @Test
    @DisplayName("the kill switch reaches every open connection, subscribed to anything or nothing")
    void killSwitchReachesEveryone() {
        String conn = newConnection();
        sessions.open(newId("trader"), conn, null, List.of(), null, null);

        // Released, never engaged: other tests share this table and must keep trading.
        ControlItem state = context.getBean(KillSwitch.class).set(false, "all clear", "ops-test");

        Map<String, Object> message = json(live.recorder.postsTo(conn).get(0));
        assertThat(updates(message)).singleElement().satisfies(u -> {
            assertThat(u).containsEntry("channel", "system").containsEntry("event", "killswitch.released");
            assertThat((Map<String, Object>) u.get("data")).containsEntry("engaged", false)
                    .containsEntry("reason", "all clear").doesNotContainKey("changedBy");
        });
        assertThat(state.engaged()).isFalse();
    }

    @Test
    @DisplayName("engaging the kill switch reaches every connected trader as killswitch.engaged, with the reason")
    void killSwitchEngagedReachesEveryone() {
        String subscribed = connect(newId("trader"), "orders");
        String bare = connect(newId("trader"));
        KillSwitch killSwitch = context.getBean(KillSwitch.class);

        try {
            killSwitch.set(true, "exchange outage", "ops-test");
        } finally {
            // Engaged only for this moment: other tests share the switch and must keep trading.
            killSwitch.set(false, "all clear", "ops-test");
        }

        for (String conn : List.of(subscribed, bare)) {
            Map<String, Object> first = json(live.recorder.postsTo(conn).get(0));
            assertThat(updates(first)).singleElement().satisfies(u -> {
                assertThat(u).containsEntry("channel", "system").containsEntry("event", "killswitch.engaged");
                assertThat((Map<String, Object>) u.get("data")).containsEntry("engaged", true)
                        .containsEntry("reason", "exchange outage").doesNotContainKey("changedBy");
            });
        }
    }

    @Test
    @DisplayName("without Redis, sequence numbers come from the connection's item and still increase")
    void sequenceFallbackWithoutRedis() {
        try (LiveContext noRedis = LiveContext.with(Map.of("nija.redis-url", ""))) {
            LiveSessions s = noRedis.bean(LiveSessions.class);
            LiveEvents e = noRedis.bean(LiveEvents.class);
            String user = newId("trader");
            String conn = newConnection();
            s.open(user, conn, null, List.of("orders"), null, null);

            e.recorded(refused(user, "BTC-USD"));
            e.recorded(refused(user, "BTC-USD"));

            assertThat(noRedis.recorder.postsTo(conn)).extracting(p -> json(p).get("seq")).containsExactly(1, 2);
            assertThat(noRedis.bean(ConnectionRegistry.class).find(user, conn).orElseThrow().seq()).isEqualTo(2L);
        }
    }
}
