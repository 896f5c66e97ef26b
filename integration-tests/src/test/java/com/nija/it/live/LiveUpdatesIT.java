package com.nija.it.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.it.support.ApiTarget;
import com.nija.it.support.Await;
import com.nija.it.support.LocalPlatformOnly;
import com.nija.it.support.PlatformTest;
import com.nija.local.platform.LocalPlatform;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.live.ConnectionRegistry;
import com.nija.shared.live.Format;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Live updates end to end: a real WebSocket client ({@code java.net.http.WebSocket}) on the local platform's gateway,
 * signals sent through the HTTP API, the engine executing them in the order executor, and pushes coming back through
 * the {@code @connections} API with the real SDK client.
 */
@PlatformTest
@LocalPlatformOnly("seeding traders and a signal source, and reading connections behind the API")
@DisplayName("Live updates over the WebSocket API")
class LiveUpdatesIT {
    private static final Duration PUSH_WAIT = Duration.ofSeconds(30);
    private static final List<String> TRADE_EVENTS = List.of("order.filled", "trade.executed", "position.opened");

    private final LocalPlatform platform;
    private final LiveFixture fixture;

    LiveUpdatesIT(ApiTarget target) {
        this.platform = target.platform("seeding traders and a signal source");
        this.fixture = new LiveFixture(platform);
    }

    LiveClient connect(String user) throws Exception {
        return LiveClient.connect(platform.webSocketUrl(), fixture.token(user));
    }

    static LiveClient.Received subscribe(LiveClient client, String format, String... channels) throws Exception {
        String id = "sub-" + UUID.randomUUID();
        String list = String.join("\",\"", channels);
        return client.request("{\"action\":\"subscribe\",\"channels\":[\"" + list + "\"]"
                + (format == null ? "" : ",\"format\":\"" + format + "\"") + ",\"id\":\"" + id + "\"}", id);
    }

    @Test
    @DisplayName("a client with a valid token connects, subscribes and is told what it holds; ping answers with server time")
    void connectSubscribePing() throws Exception {
        String user = fixture.trader("connect");
        try (LiveClient client = connect(user)) {
            LiveClient.Received subscribed = subscribe(client, null, "orders", "prices:btcusd");
            Instant before = PlatformClock.system().instant();
            LiveClient.Received pong = client.request("{\"action\":\"ping\",\"id\":\"p1\"}", "p1");

            assertThat(subscribed.type()).isEqualTo("subscribed");
            assertThat((List<String>) subscribed.message().get("channels")).containsExactlyInAnyOrder("orders", "prices:BTC-USD");
            assertThat(subscribed.message()).containsEntry("format", "json");
            assertThat(pong.type()).isEqualTo("pong");
            assertThat(Instant.parse((String) pong.message().get("serverTime")))
                    .isBetween(before.minusSeconds(1), PlatformClock.system().instant().plusSeconds(1));
        }
    }

    /** The ways README's "Live updates" lets a client present its token; browsers can use every one but the header. */
    enum TokenForm {
        QUERY, QUERY_WITH_PROTOCOL, PROTOCOL_AND_TOKEN, TOKEN_ALONE, BEARER_TOKEN_ALONE;

        /** What the client offers in {@code Sec-WebSocket-Protocol}. */
        List<String> offered(String token) {
            return switch (this) {
                case QUERY -> List.of();
                case QUERY_WITH_PROTOCOL -> List.of("nija.v1");
                case PROTOCOL_AND_TOKEN -> List.of("nija.v1", token);
                case TOKEN_ALONE -> List.of(token);
                case BEARER_TOKEN_ALONE -> List.of("bearer." + token);
            };
        }

        String query(String token) {
            return this == QUERY || this == QUERY_WITH_PROTOCOL ? "?token=" + token : "";
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TokenForm.class)
    @DisplayName("every documented way to send the token connects, and the server selects one of the offered subprotocols, as a browser requires")
    void tokenForms(TokenForm form) throws Exception {
        String token = fixture.token(fixture.trader("form"));
        List<String> offered = form.offered(token);

        try (LiveClient client = LiveClient.connect(platform.webSocketUrl() + form.query(token), offered)) {
            if (offered.isEmpty()) {
                assertThat(client.subprotocol()).isEmpty();
            } else {
                // A browser aborts unless the server selects one of the protocols it offered.
                assertThat(client.subprotocol()).isIn(offered);
                if (offered.contains("nija.v1")) assertThat(client.subprotocol()).isEqualTo("nija.v1");
            }
            assertThat(client.request("{\"action\":\"ping\",\"id\":\"f1\"}", "f1").type()).isEqualTo("pong");
        }
    }

    @Test
    @DisplayName("without a token, or with an expired or forged one, the connection is refused with 401")
    void refusedWithoutValidToken() {
        String user = fixture.trader("refused");
        String valid = fixture.token(user);
        for (String token : new String[] {null, "not-a-jwt", valid.substring(0, valid.length() - 6) + "AAAAAA"}) {
            assertThatThrownBy(() -> LiveClient.connect(platform.webSocketUrl(), token))
                    .hasCauseInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(t -> assertThat(((WebSocketHandshakeException) t.getCause()).getResponse().statusCode())
                            .isEqualTo(401));
        }
    }

    @Test
    @DisplayName("unknown actions are answered with an error message naming them")
    void unknownAction() throws Exception {
        try (LiveClient client = connect(fixture.trader("unknown"))) {
            LiveClient.Received error = client.request("{\"action\":\"sell-everything\",\"id\":\"u1\"}", "u1");

            assertThat(error.message()).containsEntry("type", "error").containsEntry("error", "unknown-action")
                    .containsEntry("action", "sell-everything");
        }
    }

    @Test
    @DisplayName("a signal executes and the client receives the fill, the trade and the new position, in order")
    void signalPushesFillAndPosition() throws Exception {
        String user = fixture.trader("fill");
        String market = fixture.market();
        try (LiveClient client = connect(user)) {
            subscribe(client, null, "orders", "trades", "positions");

            fixture.buy(market);

            List<LiveClient.Received> messages = client.updatesUntil(TRADE_EVENTS, PUSH_WAIT);
            List<String> events = messages.stream().flatMap(m -> m.events().stream()).toList();
            assertThat(events).containsSubsequence("order.filled", "position.opened");
            assertThat(events.indexOf("order.filled")).isLessThan(events.indexOf("position.opened"));
            assertThat(messages).extracting(m -> ((Number) m.message().get("seq")).longValue())
                    .isSorted().doesNotHaveDuplicates().first().isEqualTo(1L);
            Map<String, Object> order = (Map<String, Object>) first(messages, "order.filled").get("data");
            assertThat(order).containsEntry("symbol", market).containsEntry("status", "FILLED")
                    .containsEntry("side", "BUY");
            assertThat((String) order.get("fillPrice")).matches("\\d+\\.\\d+");
            Map<String, Object> position = (Map<String, Object>) first(messages, "position.opened").get("data");
            assertThat(position).containsEntry("status", "OPEN").containsEntry("positionId", order.get("positionId"));
        }
    }

    @Test
    @DisplayName("msgpack connections get binary frames that decode to the same content as the JSON ones")
    void msgpackMatchesJson() throws Exception {
        String user = fixture.trader("msgpack");
        String market = fixture.market();
        try (LiveClient json = connect(user); LiveClient msgpack = connect(user)) {
            subscribe(json, "json", "orders", "trades", "positions");
            LiveClient.Received switched = subscribe(msgpack, "msgpack", "orders", "trades", "positions");
            assertThat(switched.message()).containsEntry("format", "msgpack");

            fixture.buy(market);

            List<LiveClient.Received> fromJson = json.updatesUntil(TRADE_EVENTS, PUSH_WAIT);
            List<LiveClient.Received> fromMsgpack = msgpack.updatesUntil(TRADE_EVENTS, PUSH_WAIT);
            assertThat(fromJson).noneMatch(LiveClient.Received::binary);
            assertThat(fromMsgpack).allMatch(LiveClient.Received::binary);
            assertThat(fromMsgpack.stream().mapToInt(m -> m.raw().length).sum())
                    .isLessThan(fromJson.stream().mapToInt(m -> m.raw().length).sum());
            assertThat(contents(fromMsgpack)).isEqualTo(contents(fromJson));
        }
    }

    /** Messages without their send time (each connection's copy leaves at its own moment). */
    /** The first update of {@code event} among {@code messages}. */
    static Map<String, Object> first(List<LiveClient.Received> messages, String event) {
        return messages.stream().flatMap(m -> m.updates().stream()).filter(u -> event.equals(u.get("event")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + event + " in " + messages));
    }

    /** Waits for the client's first update of {@code event} and returns it. */
    static Map<String, Object> awaitUpdate(LiveClient client, String event) throws Exception {
        return first(client.updatesUntil(List.of(event), PUSH_WAIT), event);
    }

    static List<Map<String, Object>> contents(List<LiveClient.Received> messages) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LiveClient.Received m : messages) {
            Map<String, Object> copy = new HashMap<>(m.message());
            copy.remove("sentAt");
            out.add(copy);
        }
        return out;
    }

    @Test
    @DisplayName("a client that vanished without a goodbye is removed by the next push that finds it Gone")
    void vanishedClientIsCleanedUp() throws Exception {
        String user = fixture.trader("vanished");
        String market = fixture.market();
        ConnectionRegistry registry = platform.context().getBean(ConnectionRegistry.class);
        // A connection API Gateway no longer has, whose $disconnect never arrived: only its item is left.
        String vanished = "vanished" + UUID.randomUUID().toString().substring(0, 7) + "=";
        registry.open(ConnectionRegistry.newConnection(user, vanished, PlatformClock.system().instant(), Set.of("orders"), Format.JSON, 7200, null));
        double goneBefore = platform.metrics().total("PushGone");
        try (LiveClient live = connect(user)) {
            subscribe(live, null, "orders");

            fixture.buy(market);

            live.updatesUntil(List.of("order.filled"), PUSH_WAIT);
            Await.until("the vanished connection to be removed", PUSH_WAIT, () -> registry.find(user, vanished),
                    Optional::isEmpty);
            assertThat(platform.metrics().total("PushGone")).isGreaterThan(goneBefore);
            assertThat(registry.ofUser(user, PlatformClock.system().instant())).hasSize(1);
        }
    }

    @Test
    @DisplayName("another trader, connected and subscribed to everything, never receives someone else's updates")
    void otherTradersHearNothing() throws Exception {
        String trader = fixture.trader("owner");
        String other = fixture.bystander("other");
        String market = fixture.market();
        try (LiveClient mine = connect(trader); LiveClient theirs = connect(other)) {
            subscribe(mine, null, "orders", "trades", "positions");
            subscribe(theirs, null, "orders", "trades", "positions");

            fixture.buy(market);

            mine.updatesUntil(TRADE_EVENTS, PUSH_WAIT);
            // A marker for the bystander, sent after the owner heard everything: a misrouted update would precede it.
            fixture.pause(other);

            List<LiveClient.Received> heard = theirs.updatesUntil(List.of("bot.paused"), PUSH_WAIT);
            assertThat(heard).flatExtracting(LiveClient.Received::events).containsExactly("bot.paused");
            assertThat(((Number) heard.get(0).message().get("seq")).longValue())
                    .as("the marker is the first update ever pushed to this connection").isEqualTo(1L);
        }
    }

    @Test
    @DisplayName("a trader who pauses the bot from another device hears bot.paused on a connection subscribed to nothing")
    void pauseReachesOtherDevices() throws Exception {
        String user = fixture.trader("pause");
        try (LiveClient client = connect(user)) {
            fixture.pause(user);

            Map<String, Object> update = awaitUpdate(client, "bot.paused");
            assertThat(update).containsEntry("channel", "system");
            assertThat((Map<String, Object>) update.get("data")).containsEntry("botState", "paused");
        }
    }

    @Test
    @DisplayName("when the market moves, a trader holding a position hears its unrealized P&L at the new price")
    void priceMoveMarksOpenPositions() throws Exception {
        String user = fixture.trader("marks");
        String market = fixture.market();
        try (LiveClient client = connect(user)) {
            subscribe(client, null, "positions");
            fixture.buy(market);
            Map<String, Object> opened = (Map<String, Object>) awaitUpdate(client, "position.opened").get("data");
            BigDecimal quantity = new BigDecimal((String) opened.get("quantity"));
            BigDecimal entry = new BigDecimal((String) opened.get("entryPrice"));

            fixture.prices("{\"prices\":[{\"symbol\":\"" + market + "\",\"price\":\"110.00\"}]}");

            Map<String, Object> pnl = (Map<String, Object>) awaitUpdate(client, "pnl.changed").get("data");
            assertThat(pnl).containsEntry("positionId", opened.get("positionId")).containsEntry("markPrice", "110.00");
            assertThat(new BigDecimal((String) pnl.get("unrealizedPnl")))
                    .isEqualByComparingTo(new BigDecimal("110.00").subtract(entry).multiply(quantity)
                            .setScale(2, java.math.RoundingMode.HALF_EVEN));
        }
    }

    @Test
    @DisplayName("prices ingested together reach a watching client in one message, and only the markets it watches")
    void pricesReachWatchers() throws Exception {
        String market = fixture.market();
        String other = fixture.market();
        try (LiveClient client = connect(fixture.bystander("prices"))) {
            subscribe(client, "msgpack", "prices:" + market);

            fixture.prices("{\"prices\":[{\"symbol\":\"" + market + "\",\"price\":\"101.25\"},{\"symbol\":\""
                    + other + "\",\"price\":\"55\"},{\"symbol\":\"" + market + "\",\"price\":\"101.50\"}]}");

            LiveClient.Received message = client.updatesUntil(List.of("price"), PUSH_WAIT).get(0);
            assertThat(message.binary()).isTrue();
            assertThat(message.updates()).extracting(u -> u.get("channel")).containsOnly("prices:" + market);
            assertThat(message.updates()).extracting(u -> ((Map<String, Object>) u.get("data")).get("price"))
                    .containsExactly("101.25", "101.50");
        }
    }

    @Test
    @DisplayName("a client that disconnects is forgotten: $disconnect removes its connection")
    void disconnectRemovesConnection() throws Exception {
        String user = fixture.trader("disconnect");
        ConnectionRegistry registry = platform.context().getBean(ConnectionRegistry.class);
        LiveClient client = connect(user);
        subscribe(client, null, "orders");
        assertThat(registry.ofUser(user, PlatformClock.system().instant())).hasSize(1);

        client.close();

        Await.until("the connection to be removed", Duration.ofSeconds(10), () -> registry.ofUser(user, PlatformClock.system().instant()),
                List::isEmpty);
    }
}
