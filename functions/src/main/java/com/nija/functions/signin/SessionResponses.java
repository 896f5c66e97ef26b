package com.nija.functions.signin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.Responses;
import com.nija.shared.signin.HostedSignIn;
import java.util.List;

/** The sign-in routes' answers: tokens for the script in the body, the refresh token only as a cookie. */
final class SessionResponses {
    private SessionResponses() {}

    static APIGatewayV2HTTPResponse session(HostedSignIn.Session session) {
        APIGatewayV2HTTPResponse response = Responses.ok(session.tokens());
        session.setCookie().ifPresent(cookie -> response.setCookies(List.of(cookie)));
        return response;
    }

    static APIGatewayV2HTTPResponse cleared(String clearCookie) {
        APIGatewayV2HTTPResponse response = Responses.noContent();
        response.setCookies(List.of(clearCookie));
        return response;
    }
}
