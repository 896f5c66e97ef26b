package com.nija.functions.signin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nija.functions.support.Events;
import com.nija.functions.support.FuzzBackends;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.ServerFaults;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fuzzes the body of {@code POST /auth/token} (the dashboard's code and PKCE verifier) through its handler. Cognito,
 * on WireMock, refuses every code it is sent (documented {@code invalid_grant}), so a well-formed body gets 401 and
 * anything else 400: never a 5xx, and a refusal never sets the refresh cookie.
 */
class ExchangeCodeFuzzTest {
    private static ExchangeCodeHandler handler;

    private static synchronized ExchangeCodeHandler handler() {
        FuzzBackends.allowLoopback();
        if (handler == null) {
            WireMockServer cognito = new WireMockServer(options().dynamicPort());
            cognito.start();
            cognito.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
            // Lives as long as the fuzzing JVM: the handler keeps calling it.
            handler = new ExchangeCodeHandler(LocalBackends.get().newContext(Map.of(
                    "nija.sign-in.domain", cognito.baseUrl(), "nija.sign-in.client-id", "1example23456789abcdefghij")));
        }
        return handler;
    }

    @FuzzTest
    void body(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        APIGatewayV2HTTPResponse response =
                handler().execute(Events.withBody(Events.http("api/sign-in-token.json"), body));

        ServerFaults.assertNone(response, body);
        assertThat(response.getStatusCode()).as("status for %s", body).isIn(400, 401);
        assertThat(response.getCookies()).as("cookies for %s", body).isNullOrEmpty();
    }
}
