package com.nija.functions.live;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.nija.shared.live.LiveSessions;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code subscribe} — {@code {"action":"subscribe","channels":["positions","orders","trades","prices:BTC-USD"],
 * "format":"msgpack","id":"c1"}}. Adds the channels (the trader's own positions, orders and trades; any market's
 * prices) and, when {@code format} is given, switches how pushes are encoded ({@code json} text frames, or
 * {@code msgpack} binary frames). Replies {@code {"type":"subscribed","channels":[…all held…],"format":…}}, or an
 * {@code error}: {@code invalid-input} (unknown channel or format), {@code rule-violation} (more than 50 channels),
 * {@code not-found} (the connection is no longer open).
 */
public class WsSubscribeHandler extends WsHandler {
    @Inject LiveSessions sessions;

    public WsSubscribeHandler() {}

    public WsSubscribeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2WebSocketResponse handle(WsRequest request) {
        String user = request.userId().orElseThrow(() -> new IllegalStateException("route without an authorizer context"));
        LiveSessions.State state = sessions.subscribe(user, request.connectionId(), request.channels(), request.format());
        return WsReplies.state("subscribed", request.clientId(), state);
    }

    /** Reads the (absent) priming connection and is refused before any write. */
    @Override
    protected APIGatewayV2WebSocketEvent primingEvent() {
        return primingMessage("subscribe", "{\"action\":\"subscribe\",\"channels\":[\"orders\"]}");
    }
}
