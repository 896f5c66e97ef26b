package com.nija.functions.signin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.shared.signin.HostedSignIn;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code POST /auth/refresh} — no body; the HttpOnly refresh cookie (so a reload keeps the dashboard signed in while
 * the access token lives in memory only). 200 {@code {accessToken, idToken, expiresIn}}; 401 no cookie, or Cognito
 * refused the refresh token (revoked, expired); 503 sign-in not configured here or Cognito unavailable.
 */
public class RefreshSessionHandler extends ApiHandler {
    @Inject HostedSignIn signIn;

    public RefreshSessionHandler() {}

    public RefreshSessionHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return SessionResponses.session(signIn.refresh(request.event().getCookies()));
    }
}
