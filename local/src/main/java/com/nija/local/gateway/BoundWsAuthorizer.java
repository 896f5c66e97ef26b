package com.nija.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.nija.functions.routes.WsAuthorizer;
import java.util.Objects;

/**
 * The WebSocket API's {@code $connect} authorizer of the route table and the handler instance that runs it.
 *
 * @param authorizer function name and handler class
 * @param handler    the function; throws to refuse (API Gateway: an {@code Unauthorized} error is a 401)
 */
public record BoundWsAuthorizer(WsAuthorizer authorizer,
                                RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> handler) {
    public BoundWsAuthorizer {
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(handler, "handler");
    }
}
