package com.nija.functions.live;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.nija.shared.live.LiveSessions;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code ping} — {@code {"action":"ping","id":42}}. Replies {@code {"type":"pong","id":42,
 * "serverTime":"2026-11-27T10:15:30.123Z","serverTimeMs":1795774530123}}: clients measure round trips and clock
 * offset with it, and it keeps the connection from idling out (10 minutes).
 */
public class WsPingHandler extends WsHandler {
    @Inject LiveSessions sessions;

    public WsPingHandler() {}

    public WsPingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2WebSocketResponse handle(WsRequest request) {
        return WsReplies.pong(request.clientId(), sessions.now());
    }

    @Override
    protected APIGatewayV2WebSocketEvent primingEvent() {
        return primingMessage("ping", "{\"action\":\"ping\"}");
    }
}
