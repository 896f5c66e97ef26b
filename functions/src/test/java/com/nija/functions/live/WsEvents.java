package com.nija.functions.live;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.nija.shared.config.PlatformClock;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Loads the sample WebSocket events under {@code events/ws} the way the Lambda runtime deserializes them. */
final class WsEvents {
    private static final PojoSerializer<APIGatewayV2WebSocketEvent> WS =
            LambdaEventSerializers.serializerFor(APIGatewayV2WebSocketEvent.class, WsEvents.class.getClassLoader());

    private WsEvents() {}

    static APIGatewayV2WebSocketEvent load(String file) {
        try (InputStream in = WsEvents.class.getResourceAsStream("/events/ws/" + file)) {
            if (in == null) throw new IllegalArgumentException("no event file events/ws/" + file);
            return WS.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sample event, re-addressed to {@code connectionId} and (when it has an authorizer) to trader {@code userId},
     * and re-timed to the platform clock's now: the files carry the instant they were captured, and a connection
     * expires 2 hours after it connected, so a fixed time would make the tests fail from that day on.
     */
    static APIGatewayV2WebSocketEvent load(String file, String userId, String connectionId) {
        APIGatewayV2WebSocketEvent event = load(file);
        APIGatewayV2WebSocketEvent.RequestContext context = event.getRequestContext();
        long shift = PlatformClock.system().millis() - context.getConnectedAt();
        context.setConnectedAt(context.getConnectedAt() + shift);
        context.setRequestTimeEpoch(context.getRequestTimeEpoch() + shift);
        event.getRequestContext().setConnectionId(connectionId);
        if (event.getRequestContext().getAuthorizer() != null) {
            Map<String, Object> authorizer = new HashMap<>(event.getRequestContext().getAuthorizer());
            authorizer.put("principalId", userId);
            authorizer.put("sub", userId);
            event.getRequestContext().setAuthorizer(authorizer);
        }
        return event;
    }

    static APIGatewayV2WebSocketEvent withBody(APIGatewayV2WebSocketEvent event, String body) {
        event.setBody(body);
        return event;
    }
}
