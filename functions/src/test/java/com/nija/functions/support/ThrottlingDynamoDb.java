package com.nija.functions.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DynamoDB endpoint in front of dynalite that answers the requests it is told to throttle the way DynamoDB does (400 with
 * {@code ProvisionedThroughputExceededException}, then {@code ThrottlingException}, alternating) and forwards every
 * other one unchanged. Point a context's {@code nija.dynamodb-endpoint} at it to see the SDK's retries at work.
 */
public final class ThrottlingDynamoDb implements AutoCloseable {
    private static final List<String> THROTTLES = List.of("ProvisionedThroughputExceededException", "ThrottlingException");
    /** Headers the JDK client sets itself and refuses to forward. */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding");

    private final HttpServer server;
    private final URI target;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger toThrottle = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();

    private ThrottlingDynamoDb(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Forwards every request to {@code target} until told to throttle. */
    public static ThrottlingDynamoDb start(URI target) {
        try {
            return new ThrottlingDynamoDb(target);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the throttling endpoint", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next {@code requests} requests with a throttling error. */
    public void throttleNext(int requests) {
        toThrottle.set(requests);
    }

    /** Requests answered with a throttling error. */
    public int throttled() {
        return throttled.get();
    }

    /** Requests passed on to dynalite. */
    public int forwarded() {
        return forwarded.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (toThrottle.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                String type = THROTTLES.get(throttled.getAndIncrement() % THROTTLES.size());
                reply(exchange, 400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type
                        + "\",\"message\":\"Rate of requests exceeds the allowed throughput.\"}");
                return;
            }
            forwarded.incrementAndGet();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) values.forEach(v -> request.header(name, v));
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted forwarding to dynalite", e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
