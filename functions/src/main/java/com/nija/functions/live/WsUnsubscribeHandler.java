package com.nija.functions.live;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.nija.shared.live.LiveSessions;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code unsubscribe} — {@code {"action":"unsubscribe","channels":["prices:BTC-USD"],"id":"c2"}}. Removes the
 * channels (ones not held are ignored). Replies {@code {"type":"unsubscribed","channels":[…still held…]}}, or an
 * {@code error} ({@code invalid-input}, {@code not-found}).
 */
public class WsUnsubscribeHandler extends WsHandler {
    @Inject LiveSessions sessions;

    public WsUnsubscribeHandler() {}

    public WsUnsubscribeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2WebSocketResponse handle(WsRequest request) {
        String user = request.userId().orElseThrow(() -> new IllegalStateException("route without an authorizer context"));
        LiveSessions.State state = sessions.unsubscribe(user, request.connectionId(), request.channels());
        return WsReplies.state("unsubscribed", request.clientId(), state);
    }

    @Override
    protected APIGatewayV2WebSocketEvent primingEvent() {
        return primingMessage("unsubscribe", "{\"action\":\"unsubscribe\",\"channels\":[\"orders\"]}");
    }
}
