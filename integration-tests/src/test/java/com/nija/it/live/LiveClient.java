package com.nija.it.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.Api;
import com.nija.shared.live.Format;
import com.nija.shared.live.MessageCodec;
import com.nija.shared.testing.AsyncApiContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A trader's live-updates client on the JDK's {@code java.net.http.WebSocket}: sends actions, collects every
 * message (text as JSON, binary as MessagePack) with the time it arrived. Every message it receives, and every action
 * the platform accepted, is held to {@code docs/api/asyncapi.yaml}: the first that breaks it fails the test at its next
 * wait, read or close.
 */
final class LiveClient implements WebSocket.Listener, AutoCloseable {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A received message: JSON text or MessagePack bytes, decoded to plain maps. */
    record Received(Map<String, Object> message, boolean binary, byte[] raw, long atNanos) {
        String type() {
            return (String) message.get("type");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> updates() {
            return (List<Map<String, Object>>) message.getOrDefault("updates", List.of());
        }

        List<String> events() {
            return updates().stream().map(u -> (String) u.get("event")).toList();
        }
    }

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** The first message that broke the contract; kept, as the listener's thread cannot fail the test. */
    private final AtomicReference<AssertionError> breach = new AtomicReference<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private WebSocket socket;

    static LiveClient connect(String webSocketUrl, String token) throws Exception {
        return connect(webSocketUrl + (token == null ? "" : "?token=" + token), List.of());
    }

    /** Opens {@code uri} offering {@code subprotocols} in {@code Sec-WebSocket-Protocol}, as a browser would. */
    static LiveClient connect(String uri, List<String> subprotocols) throws Exception {
        LiveClient client = new LiveClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        client.socket = builder.buildAsync(URI.create(uri), client).get(20, TimeUnit.SECONDS);
        return client;
    }

    /** The subprotocol the server selected; empty when it selected none. */
    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(String json) throws Exception {
        socket.sendText(json, true).get(5, TimeUnit.SECONDS);
    }

    /** Sends an action and returns the reply of {@code replyType} (or the error) that carries {@code id}. */
    Received request(String json, String id) throws Exception {
        send(json);
        Received reply = await(r -> id.equals(String.valueOf(r.message().get("id"))), Duration.ofSeconds(15));
        // An action the platform took must be one the document describes; a refused one is refused on purpose.
        if (!"error".equals(reply.type())) AsyncApiContract.asyncApi().checkSent(json);
        return reply;
    }

    /** The next message that matches, skipping (and keeping) others; fails after {@code timeout}. */
    Received await(Predicate<Received> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> skipped = new ArrayList<>();
        rethrowBreach();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Received r = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
                rethrowBreach();
                if (r == null) throw new AssertionError("no matching message within " + timeout + "; got " + skipped);
                if (wanted.test(r)) return r;
                skipped.add(r);
            }
        } finally {
            received.addAll(skipped);
        }
    }

    /** Pushed update messages collected until their updates include every event in {@code events}. */
    List<Received> updatesUntil(List<String> events, Duration timeout) throws InterruptedException {
        List<Received> messages = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!seen.containsAll(events)) {
            Received r = await(m -> "updates".equals(m.type()), Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            received.remove(r);
            messages.add(r);
            seen.addAll(r.events());
        }
        return messages;
    }

    /** Every message received so far, without waiting. */
    List<Received> drain() {
        rethrowBreach();
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    void vanish() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        rethrowBreach();
    }

    /** Fails with the first breach not yet reported (once: try-with-resources would otherwise see it twice). */
    private void rethrowBreach() {
        AssertionError first = breach.getAndSet(null);
        if (first != null) throw first;
    }

    private void check(Runnable contract) {
        try {
            contract.run();
        } catch (AssertionError e) {
            breach.compareAndSet(null, e);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            String json = text.toString();
            text.setLength(0);
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> message = Api.JSON.readValue(json, Map.class);
                check(() -> AsyncApiContract.asyncApi().checkReceived(json));
                received.add(new Received(message, false, json.getBytes(), System.nanoTime()));
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + json, e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        bytes.writeBytes(chunk);
        if (last) {
            byte[] raw = bytes.toByteArray();
            bytes.reset();
            check(() -> AsyncApiContract.asyncApi().checkReceived(raw));
            received.add(new Received(MessageCodec.decode(raw, Format.MSGPACK), true, raw, System.nanoTime()));
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    static JsonNode tree(Map<String, Object> message) {
        return Api.JSON.valueToTree(message);
    }
}
