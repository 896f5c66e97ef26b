package com.nija.functions.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.nija.functions.live.MessageObserver;
import com.nija.shared.testing.AsyncApiContract;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Holds every WebSocket message a route handles in a test to the live-updates contract: the reply the client would
 * get, and the client's message when the route accepted it (a refused one is refused on purpose). A bean of every
 * test context, like {@link ContractObserver} for HTTP; pushes are checked where they arrive (the tests'
 * {@code @connections} stand-in).
 */
@Singleton
public class LiveContractObserver implements MessageObserver {
    @Override
    public void observe(APIGatewayV2WebSocketEvent request, APIGatewayV2WebSocketResponse response) {
        // $connect and $disconnect answer API Gateway, not the client: only messages get a reply on the socket.
        if (request.getRequestContext() == null || !"MESSAGE".equals(request.getRequestContext().getEventType())) return;
        if (response.getBody() != null) AsyncApiContract.asyncApi().checkReceived(response.getBody());
        if (response.getStatusCode() / 100 == 2 && request.getBody() != null) {
            AsyncApiContract.asyncApi().checkSent(request.isIsBase64Encoded()
                    ? new String(Base64.getDecoder().decode(request.getBody()), StandardCharsets.UTF_8)
                    : request.getBody());
        }
    }
}
