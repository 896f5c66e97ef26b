package com.nija.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.routes.Access;
import com.nija.functions.routes.Route;
import com.nija.local.auth.JwtVerifier;
import com.nija.local.auth.LocalSigningKey;
import com.nija.local.auth.TokenIssuer;
import com.nija.shared.config.PlatformClock;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real HTTP over loopback against a gateway whose routes are bound to small test handlers. */
class HttpGatewayTest {
    @TempDir
    static Path home;

    static LocalSigningKey key;
    static TokenIssuer issuer;
    static HttpGateway gateway;
    static HttpClient client;

    /** The last event and context a handler saw. */
    static final AtomicReference<APIGatewayV2HTTPEvent> lastEvent = new AtomicReference<>();
    static final AtomicReference<Context> lastContext = new AtomicReference<>();

    @BeforeAll
    static void start() {
        key = LocalSigningKey.loadOrCreate(home);
        issuer = new TokenIssuer(key);
        gateway = new HttpGateway(routes(), new JwtVerifier(key)).start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void reset() {
        lastEvent.set(null);
        lastContext.set(null);
    }

    static List<BoundRoute> routes() {
        return List.of(
                bind("GET", "/api/v1/health", Access.PUBLIC, (e, c) -> ok("{\"status\":\"up\"}")),
                bind("GET", "/api/v1/positions/{id}", Access.TRADER, HttpGatewayTest::echo),
                bind("DELETE", "/api/v1/positions/{id}", Access.TRADER, HttpGatewayTest::echo),
                bind("GET", "/api/v1/finance/mrr", Access.FINANCE, HttpGatewayTest::echo),
                bind("POST", "/api/v1/upload", Access.PUBLIC, HttpGatewayTest::echo),
                bind("GET", "/api/v1/files/{proxy+}", Access.PUBLIC, HttpGatewayTest::echo),
                bind("GET", "/api/v1/files/special", Access.PUBLIC, HttpGatewayTest::echo),
                bind("GET", "/api/v1/binary", Access.PUBLIC, (e, c) -> {
                    APIGatewayV2HTTPResponse r = ok(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xff}));
                    r.setIsBase64Encoded(true);
                    r.setHeaders(Map.of("Content-Type", "application/octet-stream"));
                    return r;
                }),
                bind("GET", "/api/v1/cookies", Access.PUBLIC, (e, c) -> {
                    APIGatewayV2HTTPResponse r = ok("{}");
                    r.setCookies(List.of("a=1; HttpOnly", "b=2; Path=/"));
                    r.setMultiValueHeaders(Map.of("X-Multi", List.of("one", "two")));
                    r.setHeaders(Map.of("Content-Type", "text/plain; charset=utf-8", "X-Single", "yes"));
                    return r;
                }),
                bind("GET", "/api/v1/boom", Access.PUBLIC, (e, c) -> {
                    throw new IllegalStateException("secret detail that must not leak");
                }),
                bind("GET", "/api/v1/bad-status", Access.PUBLIC, (e, c) -> new APIGatewayV2HTTPResponse()),
                bind("GET", "/api/v1/slow", Access.PUBLIC, (e, c) -> {
                    sleep(Long.parseLong(e.getQueryStringParameters().get("ms")));
                    return ok("{\"slept\":true}");
                }));
    }

    static BoundRoute bind(String method, String path, Access access,
                           RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        String function = path.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
        return new BoundRoute(new Route(method, path, Object.class, access, function), handler);
    }

    static APIGatewayV2HTTPResponse echo(APIGatewayV2HTTPEvent event, Context context) {
        lastEvent.set(event);
        lastContext.set(context);
        return ok("{\"echo\":true}");
    }

    static APIGatewayV2HTTPResponse ok(String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody(body).build();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(gateway.uri().resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, BodyHandlers.ofString());
    }

    static String bearer(String user, List<String> groups) {
        return "Bearer " + issuer.issue(user, groups, Duration.ofMinutes(5));
    }

    static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"https://nija.dev/problems/" + slug + "\"")
                .contains("\"status\":" + status)
                .contains("\"title\":")
                .contains("\"detail\":");
    }

    @Test
    @DisplayName("a public route answers without a token, as JSON by default, with API Gateway's request id header")
    void publicRoute() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/health").build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().firstValue("content-length")).hasValue("15");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    }

    @Test
    @DisplayName("a trader route without a token is 401 with a Bearer challenge")
    void noToken() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/positions/p1").build());

        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
        assertThat(lastEvent.get()).isNull();
    }

    @Test
    @DisplayName("a trader route with a bad, foreign or expired token is 401 and the handler never runs")
    void badTokens() throws Exception {
        String valid = issuer.issue("u1", List.of(), Duration.ofMinutes(1));
        String expiredToken = new TokenIssuer(key, Clock.fixed(PlatformClock.system().instant().minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .issue("u1", List.of(), Duration.ofMinutes(1));
        LocalSigningKey foreign = LocalSigningKey.loadOrCreate(home.resolve("other"));
        String foreignToken = new TokenIssuer(foreign).issue("u1", List.of(), Duration.ofMinutes(1));

        for (String authorization : List.of("Bearer garbage", "Bearer " + expiredToken, "Bearer " + foreignToken,
                "Bearer " + valid.substring(0, valid.length() - 4) + "AAAA")) {
            HttpResponse<String> response = send(request("/api/v1/positions/p1")
                    .header("Authorization", authorization).build());

            assertProblem(response, 401, "unauthorized");
            assertThat(response.headers().firstValue("www-authenticate").orElseThrow())
                    .startsWith("Bearer error=\"invalid_token\"");
        }
        assertThat(lastEvent.get()).isNull();
    }

    @Test
    @DisplayName("a finance route is 403 for a trader without the group and 200 for a finance user")
    void groups() throws Exception {
        HttpResponse<String> trader = send(request("/api/v1/finance/mrr")
                .header("Authorization", bearer("u1", List.of("beta"))).build());
        HttpResponse<String> finance = send(request("/api/v1/finance/mrr")
                .header("Authorization", bearer("u2", List.of("finance"))).build());

        assertProblem(trader, 403, "forbidden");
        assertThat(finance.statusCode()).isEqualTo(200);
        assertThat(lastEvent.get().getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("sub", "u2")
                .containsEntry("cognito:groups", "[finance]");
    }

    @Test
    @DisplayName("the event carries the payload 2.0 shape: route, path, query, cookies, headers, claims, context")
    void eventShape() throws Exception {
        long before = PlatformClock.system().millis();
        HttpResponse<String> response = send(request("/api/v1/positions/BTC%2DUSD?a=1&b=x%20y&a=2&flag")
                .header("Authorization", bearer("trader-7", List.of("admin", "finance")))
                .header("Cookie", "session=abc; theme=dark")
                .header("X-Repeated", "one")
                .header("X-Repeated", "two")
                .header("User-Agent", "gateway-test")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        APIGatewayV2HTTPEvent event = lastEvent.get();
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("GET /api/v1/positions/{id}");
        assertThat(event.getRawPath()).isEqualTo("/api/v1/positions/BTC%2DUSD");
        assertThat(event.getRawQueryString()).isEqualTo("a=1&b=x%20y&a=2&flag");
        assertThat(event.getQueryStringParameters())
                .containsEntry("a", "1,2").containsEntry("b", "x y").containsEntry("flag", "");
        assertThat(event.getPathParameters()).containsExactlyEntriesOf(Map.of("id", "BTC-USD"));
        assertThat(event.getCookies()).containsExactly("session=abc", "theme=dark");
        assertThat(event.getHeaders())
                .containsEntry("x-repeated", "one,two")
                .containsEntry("user-agent", "gateway-test")
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-forwarded-proto", "http")
                .containsKey("host")
                .containsKey("x-amzn-trace-id")
                .doesNotContainKey("cookie");
        assertThat(event.getHeaders().keySet()).allMatch(name -> name.equals(name.toLowerCase()));
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();

        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(context.getRouteKey()).isEqualTo("GET /api/v1/positions/{id}");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getAccountId()).isEqualTo("123456789012");
        assertThat(context.getApiId()).isEqualTo("nijalocal");
        assertThat(context.getDomainName()).isEqualTo("127.0.0.1");
        assertThat(context.getDomainPrefix()).isEqualTo("127");
        assertThat(context.getHttp().getMethod()).isEqualTo("GET");
        assertThat(context.getHttp().getPath()).isEqualTo("/api/v1/positions/BTC%2DUSD");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("gateway-test");
        assertThat(context.getTimeEpoch()).isBetween(before, PlatformClock.system().millis());
        assertThat(context.getTime()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(context.getRequestId()).isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());

        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = context.getAuthorizer().getJwt();
        assertThat(jwt.getClaims())
                .containsEntry("sub", "trader-7")
                .containsEntry("cognito:groups", "[admin finance]")
                .containsEntry("iss", "https://auth.nija.local")
                .containsEntry("token_use", "access");
        assertThat(jwt.getScopes()).isNull();

        Context lambda = lastContext.get();
        assertThat(lambda.getAwsRequestId()).isEqualTo(context.getRequestId());
        assertThat(lambda.getFunctionName()).isEqualTo("api-v-positions-id");
        assertThat(lambda.getRemainingTimeInMillis()).isBetween(1, 29_000);
        lambda.getLogger().log("a line from the function\n");
    }

    @Test
    @DisplayName("every request gets its own request id")
    void uniqueRequestIds() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(send(request("/api/v1/health").build()).headers().firstValue("apigw-requestid").orElseThrow());
        }
        assertThat(ids).hasSize(50);
    }

    @Test
    @DisplayName("a public route gets no authorizer block, and no query, path parameters or cookies when absent")
    void publicEventHasNoAuthorizer() throws Exception {
        send(request("/api/v1/files/special").header("Authorization", bearer("u1", List.of())).build());

        APIGatewayV2HTTPEvent event = lastEvent.get();
        assertThat(event.getRouteKey()).isEqualTo("GET /api/v1/files/special");
        assertThat(event.getRequestContext().getAuthorizer()).isNull();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getPathParameters()).isNull();
        assertThat(event.getCookies()).isNull();
        assertThat(event.getRawQueryString()).isEmpty();
    }

    @Test
    @DisplayName("a greedy route takes the rest of the path; a literal route wins over it")
    void greedyRoute() throws Exception {
        send(request("/api/v1/files/a/b%20c/d.txt").build());

        assertThat(lastEvent.get().getRouteKey()).isEqualTo("GET /api/v1/files/{proxy+}");
        assertThat(lastEvent.get().getPathParameters()).containsEntry("proxy", "a/b c/d.txt");
    }

    @Test
    @DisplayName("a JSON body arrives as text, a binary body as base64")
    void requestBodies() throws Exception {
        send(request("/api/v1/upload").header("Content-Type", "application/json; charset=utf-8")
                .POST(BodyPublishers.ofString("{\"price\":\"1.50\",\"note\":\"é\"}")).build());
        APIGatewayV2HTTPEvent json = lastEvent.get();
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        send(request("/api/v1/upload").header("Content-Type", "image/png")
                .POST(BodyPublishers.ofByteArray(binary)).build());
        APIGatewayV2HTTPEvent png = lastEvent.get();
        send(request("/api/v1/upload").POST(BodyPublishers.ofString("no content type")).build());
        APIGatewayV2HTTPEvent untyped = lastEvent.get();

        assertThat(json.getIsBase64Encoded()).isFalse();
        assertThat(json.getBody()).isEqualTo("{\"price\":\"1.50\",\"note\":\"é\"}");
        assertThat(png.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(png.getBody())).isEqualTo(binary);
        assertThat(untyped.getIsBase64Encoded()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(untyped.getBody()), StandardCharsets.UTF_8))
                .isEqualTo("no content type");
    }

    @Test
    @DisplayName("a base64 response body reaches the client as the raw bytes")
    void binaryResponse() throws Exception {
        HttpResponse<byte[]> response = client.send(request("/api/v1/binary").build(), BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsExactly(0, 1, 2, 0xff);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/octet-stream");
    }

    @Test
    @DisplayName("cookies become Set-Cookie headers; headers and multi-value headers are passed on")
    void responseHeaders() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/cookies").build());

        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1; HttpOnly", "b=2; Path=/");
        assertThat(response.headers().allValues("x-multi")).containsExactly("one", "two");
        assertThat(response.headers().firstValue("x-single")).hasValue("yes");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    @DisplayName("an unknown path is 404 and a known path with another method is 405 with Allow")
    void notFoundAndMethodNotAllowed() throws Exception {
        HttpResponse<String> notFound = send(request("/api/v1/nothing").build());
        HttpResponse<String> notAllowed = send(request("/api/v1/positions/p1")
                .PUT(BodyPublishers.ofString("{}")).build());

        assertProblem(notFound, 404, "not-found");
        assertProblem(notAllowed, 405, "method-not-allowed");
        assertThat(notAllowed.headers().firstValue("allow")).hasValue("DELETE, GET");
    }

    @Test
    @DisplayName("a body over 10 MB is 413, and the connection still serves the next request")
    void payloadTooLarge() throws Exception {
        byte[] body = new byte[GatewayOptions.API_GATEWAY_MAX_BODY_BYTES + 1];

        HttpResponse<String> response = send(request("/api/v1/upload").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(body)).build());
        HttpResponse<String> next = send(request("/api/v1/health").build());

        assertProblem(response, 413, "payload-too-large");
        assertThat(lastEvent.get()).isNull();
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a body of exactly 10 MB is accepted")
    void payloadAtTheLimit() throws Exception {
        byte[] body = new byte[GatewayOptions.API_GATEWAY_MAX_BODY_BYTES];

        HttpResponse<String> response = send(request("/api/v1/upload").header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(body)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Base64.getDecoder().decode(lastEvent.get().getBody())).hasSize(body.length);
    }

    @Test
    @DisplayName("a handler that throws is 500 problem+json without the exception's text")
    void handlerThrows() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/boom").build());

        assertProblem(response, 500, "internal");
        assertThat(response.body()).doesNotContain("secret").doesNotContain("IllegalStateException")
                .doesNotContain("at com.");
        assertThat(response.body()).contains(response.headers().firstValue("apigw-requestid").orElseThrow());
    }

    @Test
    @DisplayName("a handler response API Gateway could not use (no status code) is 500")
    void invalidHandlerResponse() throws Exception {
        assertProblem(send(request("/api/v1/bad-status").build()), 500, "internal");
    }

    @Test
    @DisplayName("64 requests are all inside their handlers at the same time, and all answered")
    void concurrentRequests() throws Exception {
        int n = 64;
        CountDownLatch allInside = new CountDownLatch(n);
        List<BoundRoute> routes = List.of(bind("GET", "/together", Access.PUBLIC, (e, c) -> {
            allInside.countDown();
            // Served one after another (or fewer at a time), the first would wait here for ever: the test fails.
            return ok("{\"allInside\":" + awaitQuietly(allInside) + "}");
        }));
        try (HttpGateway together = new HttpGateway(routes, null).start()) {
            HttpClient parallel = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(parallel.sendAsync(HttpRequest.newBuilder(together.uri().resolve("/together?i=" + i))
                        .timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString()));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            for (CompletableFuture<HttpResponse<String>> f : futures) {
                assertThat(f.get().statusCode()).isEqualTo(200);
                assertThat(f.get().body()).isEqualTo("{\"allInside\":true}");
            }
        }
    }

    private static boolean refusesConnections(int port) {
        try (Socket probe = new Socket("127.0.0.1", port)) {
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    @DisplayName("a handler slower than the integration timeout gets 504; the gateway keeps serving")
    void integrationTimeout() throws Exception {
        try (HttpGateway quick = new HttpGateway(routes(), new JwtVerifier(key),
                GatewayOptions.defaults().withIntegrationTimeout(Duration.ofMillis(300))).start()) {
            URI base = quick.uri();

            HttpResponse<String> slow = send(HttpRequest.newBuilder(base.resolve("/api/v1/slow?ms=1500")).build());
            HttpResponse<String> fast = send(HttpRequest.newBuilder(base.resolve("/api/v1/health")).build());

            assertProblem(slow, 504, "gateway-timeout");
            assertThat(fast.statusCode()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("close lets dispatched requests finish, answers new ones 503, then refuses connections")
    void gracefulClose() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<BoundRoute> routes = List.of(
                bind("GET", "/slow", Access.PUBLIC, (e, c) -> {
                    entered.countDown();
                    awaitQuietly(release);
                    return ok("{\"finished\":true}");
                }),
                bind("GET", "/fast", Access.PUBLIC, (e, c) -> ok("{}")));
        HttpGateway closing = new HttpGateway(routes, null).start();
        int port = closing.port();
        try (Socket idle = new Socket("127.0.0.1", port)) {
            idle.setSoTimeout(10_000);
            assertThat(rawRequest(idle, "GET /fast HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200");
            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                    HttpRequest.newBuilder(closing.uri().resolve("/slow")).build(), BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> closed = CompletableFuture.runAsync(closing::close);
            // Closing has begun once the port refuses new connections; /slow holds it open until released.
            await("the gateway to stop accepting connections").atMost(Duration.ofSeconds(10))
                    .until(() -> refusesConnections(port));
            String late = rawRequest(idle, "GET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(closed).as("close waits for the dispatched /slow").isNotDone();
            release.countDown();
            closed.get(10, TimeUnit.SECONDS);

            assertThat(late).startsWith("HTTP/1.1 503").contains("https://nija.dev/problems/unavailable")
                    .contains("connection: close");
            HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"finished\":true}");
        }
        assertThatThrownBy(closing::port).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    /** Sends one request on an open connection and reads one response (headers and Content-Length body). */
    static String rawRequest(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return head + new String(body, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a handler added in front of the HTTP handler (the future WebSocket upgrade) sees requests first")
    void pipelineCustomizer() throws Exception {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        GatewayOptions options = GatewayOptions.defaults().withPipelineCustomizer(pipeline ->
                pipeline.addBefore(HttpGateway.HTTP_HANDLER, "ws", new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        FullHttpRequest request = (FullHttpRequest) msg;
                        seen.add(request.uri());
                        if (!request.uri().equals("/ws")) {
                            ctx.fireChannelRead(msg);
                            return;
                        }
                        request.release();
                        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                HttpResponseStatus.OK, Unpooled.copiedBuffer("ws here", StandardCharsets.UTF_8));
                        HttpUtil.setContentLength(response, 7);
                        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
                    }
                }));
        try (HttpGateway custom = new HttpGateway(routes(), new JwtVerifier(key), options).start()) {
            HttpResponse<String> ws = send(HttpRequest.newBuilder(custom.uri().resolve("/ws")).build());
            HttpResponse<String> api = send(HttpRequest.newBuilder(custom.uri().resolve("/api/v1/health")).build());

            assertThat(ws.body()).isEqualTo("ws here");
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(seen).containsExactly("/ws", "/api/v1/health");
        }
    }

    @Test
    @DisplayName("requests a client pipelines on one connection are answered in order")
    void pipelining() throws Exception {
        String two = "GET /api/v1/slow?ms=300 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /api/v1/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

        String answers = exchangeRaw(two);

        int slow = answers.indexOf("{\"slept\":true}");
        int health = answers.indexOf("{\"status\":\"up\"}");
        int notFound = answers.indexOf("https://nija.dev/problems/not-found");
        assertThat(slow).isNotNegative();
        assertThat(health).isGreaterThan(slow);
        assertThat(notFound).isGreaterThan(health);
    }

    @Test
    @DisplayName("a request that is not valid HTTP is 400 problem+json and the connection is closed")
    void malformedRequest() throws Exception {
        String garbage = exchangeRaw("\u0001\u0002garbage\r\n\r\n");
        String hugeHeader = exchangeRaw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\n\r\n");

        for (String answer : List.of(garbage, hugeHeader)) {
            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request")
                    .contains("content-type: application/problem+json")
                    .contains("connection: close")
                    .contains("\"type\":\"https://nija.dev/problems/bad-request\"");
        }
    }

    /** Writes raw bytes on a new connection and reads until the server closes it. */
    static String exchangeRaw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    @DisplayName("a route table that needs tokens cannot start without a verifier")
    void verifierRequired() {
        assertThatThrownBy(() -> new HttpGateway(routes(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("two gateways cannot share a port")
    void portInUse() {
        GatewayOptions samePort = GatewayOptions.defaults().withPort(gateway.port());
        HttpGateway second = new HttpGateway(routes(), new JwtVerifier(key), samePort);

        assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("Cannot listen");
    }

    @Test
    @DisplayName("the handler is never called on a Netty event loop thread")
    void handlersRunOnWorkers() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch called = new CountDownLatch(1);
        List<BoundRoute> routes = List.of(bind("GET", "/t", Access.PUBLIC, (e, c) -> {
            thread.set(Thread.currentThread().getName());
            called.countDown();
            return ok("{}");
        }));
        try (HttpGateway g = new HttpGateway(routes, null).start()) {
            send(HttpRequest.newBuilder(g.uri().resolve("/t")).build());
        }

        assertThat(called.await(1, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.get()).startsWith("nija-fn-");
    }
}
