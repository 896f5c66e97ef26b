package com.nija.local.gateway;

import com.nija.local.gateway.Dispatcher.Call;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-loop side of one connection: hands each aggregated request to a worker, writes the answer back, and
 * answers 504 itself when the worker takes longer than the integration timeout. Requests on one connection are
 * answered in order, one at a time (HTTP/1.1 without pipelining); requests a client pipelines anyway wait in a
 * queue while reading pauses. All fields are touched only on the channel's event loop.
 */
final class GatewayHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);

    private final Dispatcher dispatcher;
    private final Connections connections;
    private final Executor workers;
    private final long timeoutNanos;
    private final ArrayDeque<FullHttpRequest> pending = new ArrayDeque<>(2);
    private Call current;
    private ScheduledFuture<?> currentTimeout;
    private String sourceIp = "127.0.0.1";
    private int localPort;

    GatewayHandler(Dispatcher dispatcher, Connections connections, Executor workers, long timeoutNanos) {
        this.dispatcher = dispatcher;
        this.connections = connections;
        this.workers = workers;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        SocketAddress remote = ctx.channel().remoteAddress();
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            sourceIp = inet.getAddress().getHostAddress();
        }
        if (ctx.channel().localAddress() instanceof InetSocketAddress local) {
            localPort = local.getPort();
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (current != null) {
            pending.add(request);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        start(ctx, request);
    }

    private void start(ChannelHandlerContext ctx, FullHttpRequest request) {
        Call call = new Call(HttpUtil.isKeepAlive(request));
        current = call;
        call.counted = true;
        connections.begin();
        if (connections.closing()) {
            request.release();
            call.abandoned = true;
            write(ctx, call, Problems.response(GatewayProblem.UNAVAILABLE, "The local platform is shutting down"),
                    true);
            return;
        }
        if (!request.decoderResult().isSuccess()) {
            Throwable cause = request.decoderResult().cause();
            request.release();
            write(ctx, call, Problems.response(GatewayProblem.BAD_REQUEST,
                    "Malformed HTTP request: " + (cause == null ? "unknown" : cause.getMessage())), true);
            return;
        }
        currentTimeout = ctx.executor().schedule(() -> timeOut(ctx, call), timeoutNanos, TimeUnit.NANOSECONDS);
        String ip = sourceIp;
        int port = localPort;
        try {
            workers.execute(() -> {
                FullHttpResponse response;
                try {
                    response = dispatcher.handle(request, ip, port, call);
                } catch (Throwable t) {   // a gateway bug must still answer the client
                    LOG.error("Gateway failed on {} {}", request.method(), request.uri(), t);
                    response = Problems.response(GatewayProblem.INTERNAL, "The gateway failed; see the platform log");
                } finally {
                    request.release();
                }
                if (response != null) {
                    FullHttpResponse answer = response;
                    ctx.executor().execute(() -> complete(ctx, call, answer));
                }
            });
        } catch (RejectedExecutionException e) {
            request.release();
            call.abandoned = true;
            currentTimeout.cancel(false);
            write(ctx, call, Problems.response(GatewayProblem.UNAVAILABLE, "The local platform is shutting down"),
                    true);
        }
    }

    private void complete(ChannelHandlerContext ctx, Call call, FullHttpResponse response) {
        if (call != current || call.abandoned) {
            response.release();   // answered with 504 already, or the connection is gone
            return;
        }
        call.abandoned = true;
        currentTimeout.cancel(false);
        write(ctx, call, response, false);
    }

    private void timeOut(ChannelHandlerContext ctx, Call call) {
        if (call != current || call.abandoned) {
            return;
        }
        call.abandoned = true;
        LOG.warn("No response within {} ms; answered 504", TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
        write(ctx, call, Problems.response(GatewayProblem.GATEWAY_TIMEOUT,
                "The function did not respond within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms"), false);
    }

    private void write(ChannelHandlerContext ctx, Call call, FullHttpResponse response, boolean close) {
        boolean keepAlive = call.keepAlive && !close;
        HttpUtil.setKeepAlive(response, keepAlive);
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) future -> {
            release(call);
            if (!keepAlive || !future.isSuccess()) {
                future.channel().close();
                return;
            }
            next(ctx, call);
        });
    }

    /** The call's response is flushed, or can never be: it no longer holds up {@link HttpGateway#close()}. */
    private void release(Call call) {
        if (call.counted) {
            call.counted = false;
            connections.end();
        }
    }

    private void next(ChannelHandlerContext ctx, Call finished) {
        if (current != finished) {
            return;
        }
        current = null;
        currentTimeout = null;
        FullHttpRequest request = pending.poll();
        if (request != null) {
            start(ctx, request);
        } else if (!ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (current != null) {
            current.abandoned = true;
            if (currentTimeout != null) {
                currentTimeout.cancel(false);
            }
            release(current);
        }
        FullHttpRequest request;
        while ((request = pending.poll()) != null) {
            request.release();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("Connection from {} failed: {}", sourceIp, cause.toString());
        } else {
            LOG.warn("Connection from {} failed", sourceIp, cause);
        }
        ctx.close();
    }
}
