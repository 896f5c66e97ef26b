package com.nija.functions.live;

import com.nija.shared.testing.AsyncApiContract;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for API Gateway's {@code @connections} endpoint (AWS's side, not ours): records every
 * {@code PostToConnection} the real SDK client sends and answers as API Gateway would — 200, 410 Gone for
 * connections it was told are gone, or a scripted number of 500s before succeeding. Every accepted post is held to
 * the live-updates contract ({@code docs/api/asyncapi.yaml}); a connection that was sent a message breaking it fails
 * the test that reads its posts.
 */
public final class ConnectionsRecorder implements AutoCloseable {
    public record Post(String connectionId, byte[] body) {}

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Map<String, AssertionError> broken = new ConcurrentHashMap<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    public ConnectionsRecorder() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/@connections/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answer 410 Gone for this connection from now on. */
    void gone(String connectionId) {
        gone.add(connectionId);
    }

    /** Answer the next {@code count} posts to this connection with 500. */
    void failNext(String connectionId, int count) {
        failuresLeft.put(connectionId, new AtomicInteger(count));
    }

    /**
     * Posts that were accepted (200), in arrival order, to one connection.
     *
     * @throws AssertionError when one of them breaks the live-updates contract
     */
    public List<Post> postsTo(String connectionId) {
        AssertionError breach = broken.get(connectionId);
        if (breach != null) throw breach;
        return posts.stream().filter(p -> p.connectionId().equals(connectionId)).toList();
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String raw = exchange.getRequestURI().getRawPath().substring("/@connections/".length());
            String id = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (gone.contains(id)) {
                error(exchange, 410, "GoneException");
                return;
            }
            AtomicInteger failures = failuresLeft.get(id);
            if (failures != null && failures.getAndDecrement() > 0) {
                error(exchange, 500, "InternalServerErrorException");
                return;
            }
            posts.add(new Post(id, body));
            try {
                AsyncApiContract.asyncApi().checkReceived(body);
            } catch (AssertionError breach) {
                // Thrown here it would only fail the push, which the platform shrugs off: the reader fails instead.
                broken.putIfAbsent(id, breach);
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static void error(HttpExchange exchange, int status, String type) throws IOException {
        byte[] body = "{\"message\":null}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
