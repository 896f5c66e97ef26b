package com.nija.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.nija.functions.routes.WsRoute;
import com.nija.functions.live.WsAuthorizerHandler;
import com.nija.functions.routes.RouteTable;
import com.nija.local.auth.LocalAuthority;
import com.nija.shared.config.PlatformClock;
import com.nimbusds.jose.jwk.JWKSet;
import io.micronaut.context.ApplicationContext;
import com.nija.local.auth.LocalSigningKey;
import com.nija.local.auth.TokenIssuer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * The gateway's WebSocket API over real sockets, with small test functions behind its routes: the JDK WebSocket
 * client on one side, the AWS SDK's {@code @connections} client on the other.
 */
class WebSocketGatewayTest {
    @TempDir
    static Path home;

    static TokenIssuer issuer;
    static ApplicationContext functions;
    static BoundWsAuthorizer authorizer;
    static HttpGateway gateway;
    static HttpClient http;
    static ApiGatewayManagementApiClient connections;

    /** Every event a test function saw, in order. */
    static final BlockingQueue<APIGatewayV2WebSocketEvent> events = new LinkedBlockingQueue<>();
    /** What $connect answers with (200 unless a test says otherwise). */
    static volatile int connectStatus = 200;

    @BeforeAll
    static void start() {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(home);
        issuer = new TokenIssuer(key);
        // The real $connect authorizer function, trusting the local key as the local platform configures it.
        functions = ApplicationContext.run(Map.of("nija.auth.issuer", LocalAuthority.ISSUER,
                "nija.auth.audience", LocalAuthority.AUDIENCE, "nija.auth.jwks", new JWKSet(key.publicJwk()).toString()));
        authorizer = new BoundWsAuthorizer(RouteTable.WS_AUTHORIZER, new WsAuthorizerHandler(functions));
        gateway = new HttpGateway(List.of(), routes(), authorizer, null, GatewayOptions.defaults()).start();
        http = HttpClient.newHttpClient();
        connections = sdkClient(gateway);
    }

    @AfterAll
    static void stop() {
        connections.close();
        gateway.close();
        functions.close();
    }

    @BeforeEach
    void reset() {
        events.clear();
        connectStatus = 200;
    }

    static ApiGatewayManagementApiClient sdkClient(HttpGateway g) {
        return ApiGatewayManagementApiClient.builder().endpointOverride(g.uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static List<BoundWsRoute> routes() {
        List<BoundWsRoute> routes = new ArrayList<>();
        routes.add(bind(WsRoute.CONNECT, (e, c) -> {
            events.add(e);
            APIGatewayV2WebSocketResponse r = response(connectStatus, null);
            String offered = e.getHeaders().get("Sec-WebSocket-Protocol");
            if (offered != null) r.setHeaders(Map.of("Sec-WebSocket-Protocol", offered.split(",")[0].strip()));
            return r;
        }));
        routes.add(bind(WsRoute.DISCONNECT, (e, c) -> {
            events.add(e);
            return response(200, null);
        }));
        routes.add(bind(WsRoute.DEFAULT, (e, c) -> {
            events.add(e);
            return response(200, "{\"type\":\"error\",\"error\":\"unknown-action\"}");
        }));
        routes.add(bind("echo", (e, c) -> {
            events.add(e);
            return response(200, "{\"echo\":" + e.getBody() + "}");
        }));
        routes.add(bind("boom", (e, c) -> {
            throw new IllegalStateException("secret detail");
        }));
        return routes;
    }

    static BoundWsRoute bind(String routeKey, RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> h) {
        return new BoundWsRoute(new WsRoute(routeKey, Object.class, "ws-" + routeKey.replace("$", "")), h);
    }

    static APIGatewayV2WebSocketResponse response(int status, String body) {
        APIGatewayV2WebSocketResponse r = new APIGatewayV2WebSocketResponse();
        r.setStatusCode(status);
        r.setBody(body);
        return r;
    }

    static String token(String user) {
        return issuer.issue(user, List.of("beta"), Duration.ofMinutes(5));
    }

    static URI wsUri(HttpGateway g, String query) {
        return URI.create(g.webSocketUri() + (query == null ? "" : "?" + query));
    }

    static WsTestClient connect(String user) throws Exception {
        return WsTestClient.connect(http, wsUri(gateway, "token=" + token(user) + "&format=msgpack"));
    }

    static APIGatewayV2WebSocketEvent nextEvent(String eventType) throws InterruptedException {
        return nextEvent(eventType, null);
    }

    /** The next event of a type (for one connection, when given); a late event of an earlier test is skipped. */
    static APIGatewayV2WebSocketEvent nextEvent(String eventType, String connectionId) throws InterruptedException {
        while (true) {
            APIGatewayV2WebSocketEvent e = events.poll(10, TimeUnit.SECONDS);
            if (e == null) throw new AssertionError("no " + eventType + " event within 10 s");
            if (e.getRequestContext().getEventType().equals(eventType)
                    && (connectionId == null || connectionId.equals(e.getRequestContext().getConnectionId()))) {
                return e;
            }
        }
    }

    @Test
    @DisplayName("$connect gets the upgrade's headers and query, the connection id and the authorizer's identity")
    void connectEvent() throws Exception {
        long before = PlatformClock.system().millis();
        WsTestClient client = connect("trader-1");

        APIGatewayV2WebSocketEvent e = nextEvent("CONNECT");
        var ctx = e.getRequestContext();
        assertThat(ctx.getRouteKey()).isEqualTo("$connect");
        assertThat(ctx.getConnectionId()).matches("[A-Za-z0-9_-]{15}=");
        assertThat(ctx.getConnectedAt()).isBetween(before, PlatformClock.system().millis());
        assertThat(ctx.getAuthorizer()).containsEntry("principalId", "trader-1").containsEntry("sub", "trader-1")
                .containsEntry("groups", "beta");
        assertThat(ctx.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(e.getQueryStringParameters()).containsEntry("format", "msgpack").containsKey("token");
        assertThat(e.getHeaders()).containsKey("Sec-WebSocket-Key");
        assertThat(gateway.openWebSockets()).isPositive();
        client.socket.abort();
    }

    @Test
    @DisplayName("a token offered as a Sec-WebSocket-Protocol is accepted, and the protocol $connect selects is echoed")
    void tokenInSubprotocol() throws Exception {
        WsTestClient client = WsTestClient.connect(http, wsUri(gateway, null), "nija.v1", token("trader-2"));

        assertThat(client.socket.getSubprotocol()).isEqualTo("nija.v1");
        assertThat(nextEvent("CONNECT").getRequestContext().getAuthorizer()).containsEntry("principalId", "trader-2");
        client.socket.abort();
    }

    @Test
    @DisplayName("without a token, or with a bad one, the upgrade is refused with 401 and $connect never runs")
    void refusedWithoutValidToken() {
        for (String query : List.of("", "token=garbage", "token=" + token("x").substring(0, 40))) {
            assertThatThrownBy(() -> WsTestClient.connect(http, wsUri(gateway, query)))
                    .hasCauseInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(t -> assertThat(((WebSocketHandshakeException) t.getCause()).getResponse().statusCode())
                            .isEqualTo(401));
        }
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a $connect that answers 403 refuses the upgrade with 403")
    void connectRefused() {
        connectStatus = 403;

        assertThatThrownBy(() -> connect("trader-3"))
                .satisfies(t -> assertThat(((WebSocketHandshakeException) t.getCause()).getResponse().statusCode())
                        .isEqualTo(403));
    }

    @Test
    @DisplayName("messages are routed on their action; unknown or unreadable ones go to $default; replies come back")
    void routeSelection() throws Exception {
        WsTestClient client = connect("trader-4");

        client.send("{\"action\":\"echo\",\"n\":1}");
        client.send("{\"action\":\"nope\"}");
        client.send("not json");
        client.send("{\"action\":\"$connect\"}");

        assertThat(client.nextText()).isEqualTo("{\"echo\":{\"action\":\"echo\",\"n\":1}}");
        assertThat(client.nextText()).contains("unknown-action");
        assertThat(client.nextText()).contains("unknown-action");
        assertThat(client.nextText()).contains("unknown-action");
        APIGatewayV2WebSocketEvent echo = nextEvent("MESSAGE");
        assertThat(echo.getRequestContext().getRouteKey()).isEqualTo("echo");
        assertThat(echo.getRequestContext().getAuthorizer()).containsEntry("principalId", "trader-4");
        assertThat(echo.getRequestContext().getMessageId()).isNotBlank();
        assertThat(nextEvent("MESSAGE").getRequestContext().getRouteKey()).isEqualTo("$default");
        client.socket.abort();
    }

    @Test
    @DisplayName("a failing function gets the client API Gateway's internal-error message, not its details")
    void functionFails() throws Exception {
        WsTestClient client = connect("trader-5");

        client.send("{\"action\":\"boom\"}");

        assertThat(client.nextText()).contains("Internal server error").doesNotContain("secret detail");
        client.socket.abort();
    }

    @Test
    @DisplayName("@connections POST through the SDK: text as text frames, other bytes as binary frames, big ones whole")
    void postToConnection() throws Exception {
        WsTestClient client = connect("trader-6");
        String id = nextEvent("CONNECT").getRequestContext().getConnectionId();
        byte[] msgpackLike = {(byte) 0x82, (byte) 0xa4, 't', 'y', 'p', 'e', 0x01, (byte) 0xff};
        String big = "{\"pad\":\"" + "x".repeat(70_000) + "\"}";

        connections.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String("{\"hello\":1}")));
        connections.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromByteArray(msgpackLike)));
        connections.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String(big)));

        assertThat(client.nextText()).isEqualTo("{\"hello\":1}");
        assertThat(client.next().binary()).isEqualTo(msgpackLike);
        assertThat(client.nextText()).isEqualTo(big);
        client.socket.abort();
    }

    @Test
    @DisplayName("@connections GET tells when the connection opened; POST and GET to an unknown one are Gone (410)")
    void getAndGone() throws Exception {
        WsTestClient client = connect("trader-7");
        String id = nextEvent("CONNECT").getRequestContext().getConnectionId();

        GetConnectionResponse info = connections.getConnection(r -> r.connectionId(id));

        assertThat(info.connectedAt()).isBetween(PlatformClock.system().instant().minusSeconds(30), PlatformClock.system().instant());
        assertThat(info.identity().sourceIp()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> connections.postToConnection(r -> r.connectionId("AAAAAAAAAAAAAAA=")
                .data(SdkBytes.fromUtf8String("{}")))).isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> connections.getConnection(r -> r.connectionId("AAAAAAAAAAAAAAA=")))
                .isInstanceOf(GoneException.class);
        client.socket.abort();
    }

    @Test
    @DisplayName("@connections DELETE closes the connection, $disconnect follows, and posts to it are then Gone")
    void deleteConnection() throws Exception {
        WsTestClient client = connect("trader-8");
        String id = nextEvent("CONNECT").getRequestContext().getConnectionId();

        connections.deleteConnection(r -> r.connectionId(id));

        assertThat(client.closeCode()).isEqualTo(1000);
        APIGatewayV2WebSocketEvent disconnect = nextEvent("DISCONNECT", id);
        assertThat(disconnect.getRequestContext().getAuthorizer()).containsEntry("principalId", "trader-8");
        assertThatThrownBy(() -> connections.postToConnection(r -> r.connectionId(id)
                .data(SdkBytes.fromUtf8String("{}")))).isInstanceOf(GoneException.class);
    }

    @Test
    @DisplayName("a client that closes is reported to $disconnect once")
    void clientCloses() throws Exception {
        WsTestClient client = connect("trader-9");
        String id = nextEvent("CONNECT").getRequestContext().getConnectionId();

        client.socket.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);

        nextEvent("DISCONNECT", id);
        Thread.sleep(200);
        assertThat(events.stream().filter(e -> "DISCONNECT".equals(e.getRequestContext().getEventType())
                && id.equals(e.getRequestContext().getConnectionId()))).isEmpty();
    }

    @Test
    @DisplayName("@connections calls without a SigV4 signature are refused with 403")
    void unsignedManagementCall() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.uri().resolve("/@connections/abc"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ForbiddenException");
    }

    @Test
    @DisplayName("a binary frame from the client closes the connection with 1003, as API Gateway does")
    void binaryFromClient() throws Exception {
        WsTestClient client = connect("trader-10");

        client.socket.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(5, TimeUnit.SECONDS);

        assertThat(client.closeCode()).isEqualTo(1003);
    }

    @Test
    @DisplayName("a frame over 32 KB closes its connection with 1009 and logs one warning line without a stack trace; the gateway keeps serving")
    void oversizedFrame() throws Exception {
        List<LogEvent> logged = new CopyOnWriteArrayList<>();
        Logger gatewayLog = (Logger) LogManager.getLogger(HttpGateway.class);
        Appender capture = new AbstractAppender("oversized-frame", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                logged.add(event.toImmutable());
            }
        };
        capture.start();
        gatewayLog.addAppender(capture);
        try {
            // The JDK client sends a long message as several small frames, a browser as one: write that frame by hand.
            int closeStatus = closeStatusAfterOneFrame(WebSocketApi.MAX_FRAME_BYTES + 1);

            assertThat(closeStatus).isEqualTo(1009);
            WsTestClient next = connect("trader-12");
            next.send("{\"action\":\"echo\",\"n\":1}");
            assertThat(next.nextText()).isEqualTo("{\"echo\":{\"action\":\"echo\",\"n\":1}}");
            next.socket.abort();
            assertThat(logged).filteredOn(e -> e.getLevel().isMoreSpecificThan(Level.WARN)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.getMessage().getFormattedMessage()).contains("closed with 1009");
                        assertThat(e.getThrown()).isNull();
                    });
        } finally {
            gatewayLog.removeAppender(capture);
            capture.stop();
        }
    }

    /**
     * Opens a connection over a plain socket, sends one unfragmented text frame of {@code payloadBytes} and returns the
     * status code of the close frame the gateway answers with.
     */
    static int closeStatusAfterOneFrame(int payloadBytes) throws Exception {
        URI ws = wsUri(gateway, "token=" + token("trader-11"));
        try (Socket socket = new Socket(ws.getHost(), ws.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(("GET " + ws.getRawPath() + "?" + ws.getRawQuery() + " HTTP/1.1\r\nHost: " + ws.getAuthority()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.readUnsignedByte());
            assertThat(head.toString()).startsWith("HTTP/1.1 101");
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x81);                         // FIN, text
            frame.write(0x80 | 126);                   // masked, 16-bit length follows
            frame.write(payloadBytes >> 8);
            frame.write(payloadBytes);
            frame.write(new byte[4]);                  // a zero mask leaves the payload as it is
            frame.write("x".repeat(payloadBytes).getBytes(StandardCharsets.US_ASCII));
            out.write(frame.toByteArray());
            out.flush();
            assertThat(in.readUnsignedByte()).as("a close frame").isEqualTo(0x88);
            in.readUnsignedByte();                     // its length
            return in.readUnsignedShort();
        }
    }

    @Test
    @DisplayName("idle connections are closed after the idle timeout; messages keep one open until the maximum duration")
    void idleAndMaximumDuration() throws Exception {
        GatewayOptions quick = GatewayOptions.defaults().withWebSocketIdleTimeout(Duration.ofMillis(1_000))
                .withWebSocketMaxDuration(Duration.ofMillis(3_000));
        try (HttpGateway g = new HttpGateway(List.of(), routes(), authorizer, null, quick).start()) {
            WsTestClient idle = WsTestClient.connect(http, wsUri(g, "token=" + token("idle")));
            WsTestClient busy = WsTestClient.connect(http, wsUri(g, "token=" + token("busy")));
            java.util.concurrent.CompletableFuture<Boolean> busyOpenWhenIdleClosed =
                    idle.closed.thenApply(code -> !busy.closed.isDone());
            for (int i = 0; i < 100 && !busy.closed.isDone(); i++) {   // a message well within each idle timeout
                busy.send("{\"action\":\"echo\"}");
                Thread.sleep(150);
            }

            assertThat(idle.closeCode()).isEqualTo(1001);
            assertThat(busyOpenWhenIdleClosed.get(10, TimeUnit.SECONDS))
                    .as("the busy connection still open when the idle one was closed").isTrue();
            assertThat(busy.closeCode()).as("closed at the maximum duration although it kept talking").isEqualTo(1001);
        }
    }

    @Test
    @DisplayName("closing the gateway sends clients 1001 going away and runs every $disconnect")
    void gracefulClose() throws Exception {
        HttpGateway g = new HttpGateway(List.of(), routes(), authorizer, null, GatewayOptions.defaults()).start();
        WsTestClient a = WsTestClient.connect(http, wsUri(g, "token=" + token("a")));
        String aId = nextEvent("CONNECT").getRequestContext().getConnectionId();
        WsTestClient b = WsTestClient.connect(http, wsUri(g, "token=" + token("b")));
        String bId = nextEvent("CONNECT").getRequestContext().getConnectionId();

        g.close();

        assertThat(a.closeCode()).isEqualTo(1001);
        assertThat(b.closeCode()).isEqualTo(1001);
        List<String> disconnected = new ArrayList<>();
        events.forEach(e -> {
            if ("DISCONNECT".equals(e.getRequestContext().getEventType())) disconnected.add(e.getRequestContext().getConnectionId());
        });
        assertThat(disconnected).as("close() returns once every $disconnect has run").contains(aId, bId);
        assertThat(g.openWebSockets()).isZero();
    }

    @Test
    @DisplayName("a WebSocket API without $connect or $default is refused at construction")
    void needsConnectAndDefault() {
        List<BoundWsRoute> partial = routes().stream().filter(r -> !r.route().routeKey().equals(WsRoute.DEFAULT)).toList();

        assertThatThrownBy(() -> new HttpGateway(List.of(), partial, authorizer, null, GatewayOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpGateway(List.of(), routes(), null, null, GatewayOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
    }

}
