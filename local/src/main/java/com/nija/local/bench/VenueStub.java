package com.nija.local.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One venue's REST API on loopback (the JDK's {@link HttpServer}, so the local jar needs nothing more) answering the
 * calls its client's {@code place} is documented to make, with the venue's documented bodies. It plays one order at a
 * time, as a venue would see it: before the order is placed a look-up finds nothing, after it the order is filled.
 *
 * <p>It records every call and refuses (404, and a {@linkplain #problems() problem}) any it has no answer for: a path
 * it does not serve, a call the order's state does not allow (a second placement), a private call without the
 * venue's authentication headers, or one that does not name the order being played. Signatures are not verified
 * here — the contract tests do that — so the stub costs the measurement as little as possible.
 */
final class VenueStub implements AutoCloseable {
    static final String CLIENT_ORDER_ID = "${clientOrderId}";
    static final String VENUE_ORDER_ID = "${venueOrderId}";

    /** A body under {@code bench/venues/<venue>/} and the status it is sent with. */
    record Answer(int status, String resource) {
        static Answer ok(String resource) {
            return new Answer(200, resource);
        }
    }

    /**
     * A call the stub answers: {@code method} and {@code path} (which may hold {@link #VENUE_ORDER_ID}), the answer
     * before the order is placed and after (null: not a call the client makes then); {@code placement} marks the call
     * that places it; {@code signed} requires the venue's authentication headers; {@code namesOrder} requires the path,
     * query or body to carry the order's client order id or the venue's id of it.
     */
    record Route(String method, String path, Answer before, Answer after, boolean placement, boolean signed,
                 boolean namesOrder) {
        String call() {
            return method + " " + path;
        }
    }

    /** The order being played: its client order id and the id the venue gives it. */
    record Order(String clientOrderId, String venueOrderId) {}

    private final String venue;
    private final List<Route> routes;
    private final List<String> authHeaders;
    private final Map<String, String> bodies = new LinkedHashMap<>();
    private final HttpServer server;
    private final Map<String, Long> totals = new LinkedHashMap<>();
    private final List<String> orderCalls = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Order order;
    private boolean placed;

    VenueStub(String venue, List<Route> routes, List<String> authHeaders) throws IOException {
        this.venue = venue;
        this.routes = List.copyOf(routes);
        this.authHeaders = List.copyOf(authHeaders);
        for (Route r : routes) {
            for (Answer a : new Answer[] {r.before(), r.after()}) {
                if (a != null) bodies.computeIfAbsent(a.resource(), this::load);
            }
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Plays {@code next} from now on: not placed yet, no calls seen for it. */
    synchronized void play(Order next) {
        order = next;
        placed = false;
        orderCalls.clear();
    }

    /** The calls received for the order being played, in order, as {@code METHOD path} with the path as routed. */
    synchronized List<String> orderCalls() {
        return List.copyOf(orderCalls);
    }

    /** Every call received so far, by {@code METHOD path}, refused ones included. */
    synchronized Map<String, Long> totals() {
        return Map.copyOf(totals);
    }

    /** What the stub refused, with why; empty while every call was one it answers. */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Reply reply = answer(exchange, body);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private record Reply(int status, String body) {}

    private synchronized Reply answer(HttpExchange exchange, String body) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Route route = routes.stream()
                .filter(r -> r.method().equals(method) && order != null && fill(r.path()).equals(path))
                .findFirst().orElse(null);
        String call = route == null ? method + " " + path : route.call();
        totals.merge(call, 1L, Long::sum);
        orderCalls.add(call);
        if (route == null) return refuse(call + " is not a call " + venue + "'s place is documented to make");
        Answer answer = placed ? route.after() : route.before();
        if (answer == null) {
            return refuse(call + " " + (placed ? "after" : "before") + " the order is placed is not a call "
                    + venue + "'s place is documented to make");
        }
        if (route.signed()) {
            for (String header : authHeaders) {
                if (exchange.getRequestHeaders().getFirst(header) == null) return refuse(call + " without " + header);
            }
        }
        if (route.namesOrder()) {
            String sent = path + "?" + query + " " + body;
            if (!sent.contains(order.clientOrderId()) && !sent.contains(order.venueOrderId())) {
                return refuse(call + " does not name order " + order.clientOrderId());
            }
        }
        if (route.placement()) placed = true;
        return new Reply(answer.status(), fill(bodies.get(answer.resource())));
    }

    private Reply refuse(String problem) {
        problems.add(problem);
        return new Reply(404, "{\"stub\":\"no documented answer\"}");
    }

    private String fill(String template) {
        return template.replace(CLIENT_ORDER_ID, order.clientOrderId()).replace(VENUE_ORDER_ID, order.venueOrderId());
    }

    private String load(String resource) {
        String name = "/bench/venues/" + venue + "/" + resource;
        try (InputStream in = VenueStub.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("no stub answer " + name + " on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
