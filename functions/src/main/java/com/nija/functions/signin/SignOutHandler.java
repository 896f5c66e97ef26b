package com.nija.functions.signin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.shared.signin.HostedSignIn;
import com.nija.shared.signin.RefreshCookie;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code POST /auth/sign-out} — no body; the HttpOnly refresh cookie. Revokes the refresh token at Cognito's
 * {@code /oauth2/revoke} (and with it every access token issued from it) and clears the cookie. 204, also without a
 * cookie; 503 Cognito unavailable (the cookie stays, so signing out can be retried).
 */
public class SignOutHandler extends ApiHandler {
    @Inject HostedSignIn signIn;

    public SignOutHandler() {}

    public SignOutHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        signIn.signOut(request.event().getCookies());
        return SessionResponses.cleared(RefreshCookie.clear());
    }
}
