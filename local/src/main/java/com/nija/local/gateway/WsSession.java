package com.nija.local.gateway;

import com.nija.shared.config.PlatformClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open WebSocket connection: text frames become route invocations, one at a time and in order; replies and
 * {@code @connections} posts go out as frames — text when the bytes are valid UTF-8, binary otherwise (a MessagePack
 * message starts with a map header byte that never begins UTF-8), fragmented at 32 KB. Binary frames from the client
 * close the connection with 1003, as API Gateway does. Timers close it after the maximum duration and after the
 * idle timeout without a frame from the client.
 */
final class WsSession extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);

    private final WebSocketApi api;
    private final WebSocketEvents.Connection connection;
    private final WebSocketServerHandshaker handshaker;
    private final long idleNanos;
    private final long maxNanos;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Channel channel;
    private volatile long lastInboundNanos = System.nanoTime();
    private volatile long lastActiveMillis = PlatformClock.system().millis();
    private ScheduledFuture<?> idleTimer;
    private ScheduledFuture<?> maxTimer;

    WsSession(WebSocketApi api, WebSocketEvents.Connection connection, WebSocketServerHandshaker handshaker,
              GatewayOptions options) {
        this.api = api;
        this.connection = connection;
        this.handshaker = handshaker;
        this.idleNanos = options.webSocketIdleTimeout().toNanos();
        this.maxNanos = options.webSocketMaxDuration().toNanos();
    }

    /** Event loop, once the pipeline holds this handler. */
    void start(Channel ch) {
        this.channel = ch;
        long sinceConnected = TimeUnit.MILLISECONDS.toNanos(PlatformClock.system().millis() - connection.connectedAt());
        maxTimer = ch.eventLoop().schedule(() -> close(1001, "Going away"), Math.max(0, maxNanos - sinceConnected),
                TimeUnit.NANOSECONDS);
        idleTimer = ch.eventLoop().schedule(this::checkIdle, idleNanos, TimeUnit.NANOSECONDS);
        if (!ch.isActive()) end();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            lastInboundNanos = System.nanoTime();
            lastActiveMillis = PlatformClock.system().millis();
            if (frame instanceof TextWebSocketFrame text) {
                message(text.text());
            } else if (frame instanceof PingWebSocketFrame) {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retainedDuplicate()));
            } else if (frame instanceof CloseWebSocketFrame) {
                handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
            } else if (frame instanceof BinaryWebSocketFrame) {
                close(1003, "Binary frames are not supported");
            }
            // pong: nothing to do beyond counting as activity
        } finally {
            frame.release();
        }
    }

    private void message(String body) {
        if (pendingCount.incrementAndGet() > WebSocketApi.MAX_PENDING_MESSAGES) {
            close(1008, "Too many messages in flight");
            return;
        }
        BoundWsRoute route = api.select(body);
        long now = PlatformClock.system().millis();
        String requestId = RequestIds.next(now);
        APIGatewayV2WebSocketEvent event = WebSocketEvents.message(connection, route.route().routeKey(), body,
                requestId, RequestIds.next(now), api.options());
        pending.add(() -> {
            try {
                APIGatewayV2WebSocketResponse response = api.invoke(route, event, requestId);
                if (response == null) {
                    // what API Gateway tells the client when the integration failed
                    send(("{\"message\": \"Internal server error\", \"connectionId\":\"" + connection.connectionId()
                            + "\", \"requestId\":\"" + requestId + "\"}").getBytes(StandardCharsets.UTF_8));
                } else if (route.route().twoWay() && response.getBody() != null) {
                    send(response.isIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                            : response.getBody().getBytes(StandardCharsets.UTF_8));
                }
            } finally {
                pendingCount.decrementAndGet();
            }
        });
        drain();
    }

    /** Runs this connection's queued invocations on one worker at a time, so replies keep the messages' order. */
    private void drain() {
        if (!draining.compareAndSet(false, true)) return;
        try {
            api.workers().execute(() -> {
                try {
                    Runnable next;
                    while ((next = pending.poll()) != null) next.run();
                } finally {
                    draining.set(false);
                    if (!pending.isEmpty()) drain();
                }
            });
        } catch (RejectedExecutionException e) {
            draining.set(false);
            pending.clear();
        }
    }

    /** Writes one message to the client; false when the connection is no longer open. Any thread. */
    boolean send(byte[] data) {
        Channel ch = channel;
        if (ch == null || !ch.isActive() || ended.get()) return false;
        lastActiveMillis = PlatformClock.system().millis();
        boolean text = isUtf8(data);
        if (data.length <= WebSocketApi.MAX_FRAME_BYTES) {
            ByteBuf content = Unpooled.wrappedBuffer(data);
            ch.writeAndFlush(text ? new TextWebSocketFrame(content) : new BinaryWebSocketFrame(content));
            return true;
        }
        // The fragments of one message go out in one event-loop task, so no other message can interleave with them.
        ch.eventLoop().execute(() -> {
            for (int offset = 0; offset < data.length; offset += WebSocketApi.MAX_FRAME_BYTES) {
                int length = Math.min(WebSocketApi.MAX_FRAME_BYTES, data.length - offset);
                boolean last = offset + length >= data.length;
                ByteBuf content = Unpooled.wrappedBuffer(data, offset, length);
                WebSocketFrame frame = offset == 0
                        ? (text ? new TextWebSocketFrame(false, 0, content) : new BinaryWebSocketFrame(false, 0, content))
                        : new ContinuationWebSocketFrame(last, 0, content);
                ch.write(frame);
            }
            ch.flush();
        });
        return true;
    }

    WebSocketApi.Info info() {
        return new WebSocketApi.Info(Instant.ofEpochMilli(connection.connectedAt()), Instant.ofEpochMilli(lastActiveMillis),
                connection.sourceIp(), connection.userAgent());
    }

    /** Sends a close frame with {@code status} and closes. Any thread. */
    void close(int status, String reason) {
        Channel ch = channel;
        if (ch == null) return;
        ch.eventLoop().execute(() -> {
            if (ch.isActive()) handshaker.close(ch, new CloseWebSocketFrame(status, reason));
        });
    }

    private void checkIdle() {
        long quiet = System.nanoTime() - lastInboundNanos;
        if (quiet >= idleNanos) {
            close(1001, "Going away");
        } else {
            idleTimer = channel.eventLoop().schedule(this::checkIdle, idleNanos - quiet, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        end();
        super.channelInactive(ctx);
    }

    private void end() {
        if (!ended.compareAndSet(false, true)) return;
        if (idleTimer != null) idleTimer.cancel(false);
        if (maxTimer != null) maxTimer.cancel(false);
        api.disconnected(connection);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            LOG.warn("WebSocket {} closed with 1009: {}", connection.connectionId(), cause.getMessage());
            close(1009, "Message too big");
        } else if (cause instanceof CorruptedWebSocketFrameException bad) {
            // A frame over the limit, or a malformed one: the frame decoder has already sent the close frame (1009,
            // 1002) and closes the channel. The client's mistake, not ours: one line, no stack trace.
            LOG.warn("WebSocket {} closed with {}: {}", connection.connectionId(), bad.closeStatus().code(),
                    bad.getMessage());
        } else if (cause instanceof IOException) {
            LOG.debug("WebSocket {} failed: {}", connection.connectionId(), cause.toString());
            ctx.close();
        } else {
            LOG.warn("WebSocket {} failed", connection.connectionId(), cause);
            ctx.close();
        }
    }

    private static boolean isUtf8(byte[] data) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
