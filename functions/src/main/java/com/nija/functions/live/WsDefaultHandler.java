package com.nija.functions.live;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.nija.shared.observability.Telemetry;
import io.micronaut.context.ApplicationContext;

/**
 * {@code $default} — any message whose {@code action} names no route (or that is not a JSON object with an action).
 * Answers with an {@code error} message ({@code unknown-action} or {@code invalid-input}) listing the actions there
 * are: a client is never left waiting in silence.
 */
public class WsDefaultHandler extends WsHandler {
    static final String ACTIONS = "subscribe, unsubscribe, ping";

    public WsDefaultHandler() {}

    public WsDefaultHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2WebSocketResponse handle(WsRequest request) {
        Telemetry.count("UnknownAction");
        request.body(); // a message that is not a JSON object is refused as invalid input
        return request.action()
                .map(a -> WsReplies.error(400, "unknown-action", "unknown action '" + a + "'; use " + ACTIONS,
                        request.clientId(), a))
                .orElseGet(() -> WsReplies.error(400, "invalid-input", "a message needs an action: " + ACTIONS,
                        request.clientId(), null));
    }

    @Override
    protected APIGatewayV2WebSocketEvent primingEvent() {
        return primingMessage("$default", "{\"action\":\"priming\"}");
    }
}
