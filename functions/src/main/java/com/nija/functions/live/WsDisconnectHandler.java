package com.nija.functions.live;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.nija.shared.live.LiveSessions;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code $disconnect} — the client or API Gateway closed the connection (also after 10 idle minutes or 2 hours).
 * Removes the connection, its price watches and its sequence counter. API Gateway delivers this at most once and
 * not always: a connection it never reports is removed by the first push that gets Gone (410). Always 200.
 */
public class WsDisconnectHandler extends WsHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WsDisconnectHandler.class);

    @Inject LiveSessions sessions;

    public WsDisconnectHandler() {}

    public WsDisconnectHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2WebSocketResponse handle(WsRequest request) {
        String user = request.userId().orElse(null);
        if (user == null) {
            // Never stored (its $connect was refused); nothing to remove.
            LOG.info("disconnect of {} without an authorizer context", request.connectionId());
            return WsReplies.empty(200, Map.of());
        }
        sessions.close(user, request.connectionId());
        return WsReplies.empty(200, Map.of());
    }
}
