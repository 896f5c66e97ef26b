package com.nija.functions.live;

import io.micronaut.context.ApplicationContextBuilder;
import com.nija.functions.lambda.LambdaContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.nija.shared.auth.TokenRejectedException;
import com.nija.shared.auth.TokenVerifier;
import com.nija.shared.auth.VerifiedIdentity;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket API's Lambda REQUEST authorizer on {@code $connect} (WebSocket APIs have no built-in JWT
 * authorizer). Finds the trader's JWT in {@code ?token=} or {@code Sec-WebSocket-Protocol} ({@link WsTokens}) and
 * verifies it like the HTTP routes' JWT authorizer ({@link TokenVerifier}: signature by the user pool's keys,
 * expiry, issuer, audience). Allowed: an {@code execute-api:Invoke} policy on the connect route with
 * {@code principalId} = the token's {@code sub} and context {@code sub}, {@code groups} (comma-joined: authorizer
 * context values must be scalars), which API Gateway attaches to every later event of the connection. Refused: the
 * error {@code Unauthorized}, which API Gateway answers with 401.
 */
public class WsAuthorizerHandler extends MicronautRequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {
    /** Singletons on first use, not all at start: see {@link LambdaContexts}. */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LambdaContexts.builder();
    }

    private static final Logger LOG = LoggerFactory.getLogger(WsAuthorizerHandler.class);

    @Inject TokenVerifier verifier;

    public WsAuthorizerHandler() {}

    public WsAuthorizerHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public IamPolicyResponseV1 execute(APIGatewayCustomAuthorizerEvent event) {
        Telemetry.begin();
        try {
            String token = WsTokens.find(event.getQueryStringParameters(), event.getHeaders())
                    .orElseThrow(() -> new TokenRejectedException("no token in ?token= or Sec-WebSocket-Protocol"));
            VerifiedIdentity who = verifier.verify(token);
            Telemetry.record(Metric.count("Authorized"));
            return IamPolicyResponseV1.builder()
                    .withPrincipalId(who.subject())
                    .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                            .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                            .withStatement(List.of(IamPolicyResponseV1.allowStatement(event.getMethodArn())))
                            .build())
                    .withContext(Map.of("sub", who.subject(), "groups", String.join(",", who.groups())))
                    .build();
        } catch (TokenRejectedException e) {
            Telemetry.record(Metric.count("Refused", "type", "unauthorized"));
            LOG.info("websocket connect refused: {}", e.getMessage());
            throw new Unauthorized();
        } finally {
            Telemetry.end("WsAuthorizer");
        }
    }

    /** API Gateway turns an authorizer error whose message is exactly {@code Unauthorized} into a 401. */
    public static final class Unauthorized extends RuntimeException {
        public Unauthorized() {
            super("Unauthorized", null, false, false);
        }
    }
}
