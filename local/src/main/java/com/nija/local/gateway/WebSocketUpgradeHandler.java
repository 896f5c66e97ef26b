package com.nija.local.gateway;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.net.InetSocketAddress;

/**
 * Sits in front of the HTTP handler and takes the requests for the WebSocket API: upgrades at
 * {@value WebSocketApi#PATH} and the {@code @connections} management API; every other request goes on to the HTTP
 * routes. Once a connection is upgraded it leaves the pipeline.
 */
final class WebSocketUpgradeHandler extends ChannelInboundHandlerAdapter {
    static final String NAME = "ws-upgrade";

    private final WebSocketApi api;
    private final ConnectionsApi management;

    WebSocketUpgradeHandler(WebSocketApi api, ConnectionsApi management) {
        this.api = api;
        this.management = management;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request) || !request.decoderResult().isSuccess()) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (WebSocketApi.isWebSocketPath(request.uri())) {
            String ip = ctx.channel().remoteAddress() instanceof InetSocketAddress inet && inet.getAddress() != null
                    ? inet.getAddress().getHostAddress() : "127.0.0.1";
            api.upgrade(ctx, request, ip);
        } else if (ConnectionsApi.isManagementPath(request.uri())) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            FullHttpResponse response;
            try {
                response = management.handle(request);
            } finally {
                request.release();
            }
            HttpUtil.setKeepAlive(response, keepAlive);
            ctx.writeAndFlush(response).addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE
                    : ChannelFutureListener.CLOSE);
        } else {
            ctx.fireChannelRead(msg);
        }
    }
}
