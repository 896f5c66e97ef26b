package com.nija.functions.live;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.nija.shared.live.LiveSessions;
import com.nija.shared.observability.Telemetry;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code $connect} — a client opens {@code wss://…/?token=<JWT>} (or offers the token as a
 * {@code Sec-WebSocket-Protocol}). The token is verified before this runs — by the Lambda REQUEST authorizer on the
 * route in AWS, by the gateway's JWT check locally — and its identity arrives in {@code requestContext.authorizer}
 * ({@code principalId} = the token's {@code sub}); without it this refuses with 401 (defence in depth). Optional
 * query parameters: {@code format=json|msgpack}, {@code channels=orders,positions,prices:BTC-USD}.
 * Stores the connection (expires after 2 hours, as API Gateway closes it). 200 accepts; 400 bad channel or format;
 * 401 no verified identity. When the client offered subprotocols, the response selects one ({@link
 * WsTokens#selectedSubprotocol}: {@code nija.v1}, else the offered token entry) so browsers complete the handshake.
 */
public class WsConnectHandler extends WsHandler {
    @Inject LiveSessions sessions;

    public WsConnectHandler() {}

    public WsConnectHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2WebSocketResponse handle(WsRequest request) {
        String user = request.userId().orElse(null);
        if (user == null) {
            Telemetry.count("ConnectRefused");
            return WsReplies.error(401, "unauthorized", "a verified token is required", null, null);
        }
        sessions.open(user, request.connectionId(), request.connectedAt(), request.queryList("channels"),
                request.query("format").orElse(null), request.callbackEndpoint().orElse(null));
        Telemetry.count("Connected");
        return WsReplies.empty(200, request.header("Sec-WebSocket-Protocol").map(WsTokens::selectedSubprotocol)
                .filter(p -> !p.isEmpty()).map(p -> Map.of("Sec-WebSocket-Protocol", p)).orElse(Map.of()));
    }
}
