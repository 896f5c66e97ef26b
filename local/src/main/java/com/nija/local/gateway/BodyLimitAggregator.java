package com.nija.local.gateway;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Aggregates request bodies up to API Gateway's limit and answers larger ones with a 413 problem, keeping the
 * connection when the client can still be read to the end (Netty then discards the rest of the body).
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
    private final int maxBodyBytes;

    BodyLimitAggregator(int maxBodyBytes) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        // Same rule as Netty's: close if the body was already read whole, or if the client will not keep the
        // connection and did not wait for 100-continue.
        boolean close = oversized instanceof FullHttpMessage
                || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized);
        FullHttpResponse response = tooLarge();
        HttpUtil.setKeepAlive(response, !close);
        ctx.writeAndFlush(response)
                .addListener(close ? ChannelFutureListener.CLOSE : ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof FullHttpResponse full
                && full.status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()) {
            full.release();
            return tooLarge();
        }
        return response;
    }

    private FullHttpResponse tooLarge() {
        return Problems.response(GatewayProblem.PAYLOAD_TOO_LARGE,
                "The request body exceeds " + maxBodyBytes + " bytes, API Gateway's payload limit");
    }
}
