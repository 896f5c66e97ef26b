package com.nija.functions.signin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.shared.signin.CodeExchange;
import com.nija.shared.signin.HostedSignIn;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code POST /auth/token} {@code {"code", "codeVerifier", "redirectUri"}} — no token (the dashboard is signing in).
 * Redeems the Cognito hosted UI's authorization code with the PKCE verifier at Cognito's {@code /oauth2/token}.
 * 200 {@code {accessToken, idToken, expiresIn}} and the refresh token in an HttpOnly cookie (never in the body);
 * 400 a missing or malformed field; 401 Cognito refused the code or verifier; 503 sign-in not configured here or
 * Cognito unavailable.
 */
public class ExchangeCodeHandler extends ApiHandler {
    @Inject HostedSignIn signIn;

    public ExchangeCodeHandler() {}

    public ExchangeCodeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return SessionResponses.session(signIn.redeem(request.body(CodeExchange.class)));
    }
}
