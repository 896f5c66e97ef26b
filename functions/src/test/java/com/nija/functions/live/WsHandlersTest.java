package com.nija.functions.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.config.PlatformClock;
import com.nija.functions.priming.Priming;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import com.nija.shared.json.Json;
import com.nija.shared.live.ConnectionItem;
import com.nija.shared.live.ConnectionRegistry;
import com.nija.shared.live.PriceWatchItem;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** The WebSocket routes with the sample events under events/ws, on real dynalite and Redis. */
class WsHandlersTest {
    private final ApplicationContext context = LiveContext.get().context;
    private final ConnectionRegistry registry = context.getBean(ConnectionRegistry.class);
    private final TradingTables tables = context.getBean(TradingTables.class);

    private String user;
    private String connection;

    @BeforeEach
    void freshTraderAndConnection() {
        user = "ws-" + UUID.randomUUID();
        connection = UUID.randomUUID().toString().substring(0, 12) + "=";
    }

    APIGatewayV2WebSocketEvent connectEvent;

    APIGatewayV2WebSocketResponse connect() {
        connectEvent = WsEvents.load("connect.json", user, connection);
        return new WsConnectHandler(context).handleRequest(connectEvent, null);
    }

    static JsonNode reply(APIGatewayV2WebSocketResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    Optional<PriceWatchItem> watch(String symbol) {
        return Optional.ofNullable(tables.table(PriceWatchItem.class).getItem(Key.builder().partitionValue(Keys.priceWatch(symbol))
                .sortValue(Keys.connection(connection)).build()));
    }

    @Test
    @DisplayName("$connect with the authorizer's identity stores the connection for 2 hours, JSON unless asked otherwise")
    void connectWithValidToken() {
        APIGatewayV2WebSocketResponse response = connect();

        assertThat(response.getStatusCode()).isEqualTo(200);
        ConnectionItem stored = registry.find(user, connection).orElseThrow();
        // Pushes from any region reach it through the API it is connected to.
        assertThat(stored.endpoint()).isEqualTo("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/live");
        assertThat(stored.userId()).isEqualTo(user);
        assertThat(stored.format()).isEqualTo("JSON");
        assertThat(stored.connectedAt()).isEqualTo(Instant.ofEpochMilli(connectEvent.getRequestContext().getConnectedAt()));
        assertThat(stored.expiresAt()).isEqualTo(stored.connectedAt().plus(Duration.ofHours(2)).getEpochSecond());
        assertThat(registry.ofUser(user, stored.connectedAt())).extracting(ConnectionItem::connectionId)
                .containsExactly(connection);
    }

    @Test
    @DisplayName("$connect without a verified identity (the authorizer refused the token) is refused with 401 and stores nothing")
    void connectWithInvalidToken() throws Exception {
        APIGatewayV2WebSocketEvent event = WsEvents.load("connect-unauthorized.json", user, connection);

        APIGatewayV2WebSocketResponse response = new WsConnectHandler(context).handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(reply(response).path("error").asText()).isEqualTo("unauthorized");
        assertThat(registry.find(user, connection)).isEmpty();
    }

    static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";

    /** Offered {@code Sec-WebSocket-Protocol}, and what the response must select (null: no header). */
    static Stream<Arguments> offeredSubprotocols() {
        return Stream.of(
                Arguments.of("nija.v1, " + JWT, "nija.v1"),
                Arguments.of(JWT + ", nija.v1", "nija.v1"),
                Arguments.of("nija.v1", "nija.v1"),
                Arguments.of(JWT, JWT),
                Arguments.of("bearer." + JWT, "bearer." + JWT),
                Arguments.of("chat, " + JWT, JWT),
                Arguments.of("chat", null),
                Arguments.of(null, null));
    }

    @ParameterizedTest(name = "offered {0} -> selected {1}")
    @MethodSource("offeredSubprotocols")
    @DisplayName("$connect selects one of the offered subprotocols, as browsers need: nija.v1, else the token entry itself")
    void connectSelectsSubprotocol(String offered, String selected) {
        APIGatewayV2WebSocketEvent event = WsEvents.load("connect.json", user, connection);
        if (offered != null) event.getHeaders().put("Sec-WebSocket-Protocol", offered);

        APIGatewayV2WebSocketResponse response = new WsConnectHandler(context).handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        if (selected == null) {
            assertThat(headers).doesNotContainKey("Sec-WebSocket-Protocol");
        } else {
            assertThat(headers).containsEntry("Sec-WebSocket-Protocol", selected);
        }
    }

    @Test
    @DisplayName("subscribe adds channels in canonical form, answers with all held, and registers price watches")
    void subscribe() throws Exception {
        connect();

        APIGatewayV2WebSocketResponse response = new WsSubscribeHandler(context)
                .handleRequest(WsEvents.load("subscribe.json", user, connection), null);

        JsonNode body = reply(response);
        assertThat(body.path("type").asText()).isEqualTo("subscribed");
        assertThat(body.path("id").asText()).isEqualTo("c1");
        assertThat(body.path("format").asText()).isEqualTo("json");
        assertThat(body.path("channels")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("positions", "orders", "trades", "prices:BTC-USD");
        assertThat(ConnectionRegistry.subscriptions(registry.find(user, connection).orElseThrow()))
                .containsExactlyInAnyOrder("positions", "orders", "trades", "prices:BTC-USD");
        assertThat(watch("BTC-USD")).get().extracting(PriceWatchItem::userId).isEqualTo(user);
    }

    @Test
    @DisplayName("subscribe with format msgpack switches the connection's pushes to binary frames")
    void subscribeMsgpack() throws Exception {
        connect();

        JsonNode body = reply(new WsSubscribeHandler(context)
                .handleRequest(WsEvents.load("subscribe-msgpack.json", user, connection), null));

        assertThat(body.path("format").asText()).isEqualTo("msgpack");
        assertThat(registry.find(user, connection).orElseThrow().format()).isEqualTo("MSGPACK");
    }

    @Test
    @DisplayName("subscribe to an unknown channel is answered with an invalid-input error and changes nothing")
    void subscribeBadChannel() throws Exception {
        connect();

        APIGatewayV2WebSocketResponse response = new WsSubscribeHandler(context)
                .handleRequest(WsEvents.load("subscribe-bad-channel.json", user, connection), null);

        JsonNode body = reply(response);
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").asText()).isEqualTo("invalid-input");
        assertThat(body.path("id").asText()).isEqualTo("c3");
        assertThat(body.path("message").asText()).contains("balances");
        assertThat(registry.find(user, connection).orElseThrow().subscriptions()).isNull();
    }

    @Test
    @DisplayName("unsubscribe removes channels and their price watch, and answers with what is still held")
    void unsubscribe() throws Exception {
        connect();
        new WsSubscribeHandler(context).handleRequest(WsEvents.load("subscribe.json", user, connection), null);

        JsonNode body = reply(new WsUnsubscribeHandler(context)
                .handleRequest(WsEvents.load("unsubscribe.json", user, connection), null));

        assertThat(body.path("type").asText()).isEqualTo("unsubscribed");
        assertThat(body.path("channels")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("positions", "orders", "trades");
        assertThat(watch("BTC-USD")).isEmpty();
    }

    @Test
    @DisplayName("subscribe on a connection that is no longer open is answered with not-found")
    void subscribeClosedConnection() throws Exception {
        JsonNode body = reply(new WsSubscribeHandler(context)
                .handleRequest(WsEvents.load("subscribe.json", user, connection), null));

        assertThat(body.path("error").asText()).isEqualTo("not-found");
    }

    @Test
    @DisplayName("ping is answered with pong, the client's id and the server's time")
    void ping() throws Exception {
        Instant before = PlatformClock.system().instant();

        JsonNode body = reply(new WsPingHandler(context).handleRequest(WsEvents.load("ping.json", user, connection), null));

        assertThat(body.path("type").asText()).isEqualTo("pong");
        assertThat(body.path("id").asLong()).isEqualTo(42);
        Instant serverTime = Instant.parse(body.path("serverTime").asText());
        assertThat(serverTime).isBetween(before, PlatformClock.system().instant());
        assertThat(body.path("serverTimeMs").asLong()).isEqualTo(serverTime.toEpochMilli());
    }

    @Test
    @DisplayName("an unknown action is answered with an unknown-action error naming it, never silence")
    void unknownAction() throws Exception {
        JsonNode body = reply(new WsDefaultHandler(context)
                .handleRequest(WsEvents.load("unknown-action.json", user, connection), null));

        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").asText()).isEqualTo("unknown-action");
        assertThat(body.path("action").asText()).isEqualTo("buy");
        assertThat(body.path("id").asText()).isEqualTo("c5");
        assertThat(body.path("message").asText()).contains("subscribe, unsubscribe, ping");
    }

    @Test
    @DisplayName("a message that is not JSON is answered with an invalid-input error")
    void notJson() throws Exception {
        JsonNode body = reply(new WsDefaultHandler(context)
                .handleRequest(WsEvents.load("not-json.json", user, connection), null));

        assertThat(body.path("error").asText()).isEqualTo("invalid-input");
    }

    @Test
    @DisplayName("SnapStart priming runs the read-only routes (ping, $default, subscribe, unsubscribe) and writes nothing")
    void primingWritesNothing() {
        new WsPingHandler(context);
        new WsDefaultHandler(context);
        new WsSubscribeHandler(context);
        new WsUnsubscribeHandler(context);

        Map<String, Integer> statuses = context.getBean(Priming.class).prime();

        assertThat(statuses).containsEntry("WsPing", 200).containsEntry("WsDefault", 400)
                .containsEntry("WsSubscribe", 404).containsEntry("WsUnsubscribe", 404);
        assertThat(registry.ofUser(Priming.USER, PlatformClock.system().instant())).isEmpty();
        assertThat(registry.find(Priming.USER, "snapstart-priming")).isEmpty();
    }

    @Test
    @DisplayName("$disconnect removes the connection and its price watches; a second one does nothing")
    void disconnect() {
        connect();
        new WsSubscribeHandler(context).handleRequest(WsEvents.load("subscribe.json", user, connection), null);

        APIGatewayV2WebSocketResponse first = new WsDisconnectHandler(context)
                .handleRequest(WsEvents.load("disconnect.json", user, connection), null);
        APIGatewayV2WebSocketResponse second = new WsDisconnectHandler(context)
                .handleRequest(WsEvents.load("disconnect.json", user, connection), null);

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(registry.find(user, connection)).isEmpty();
        assertThat(watch("BTC-USD")).isEmpty();
    }
}
