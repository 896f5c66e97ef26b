package com.nija.functions.signin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.LogCapture;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's sign-in routes against Cognito's token and revocation endpoints on WireMock (shapes from the
 * Amazon Cognito Developer Guide, as in {@code CognitoOAuthClientContractTest}): the refresh token only ever in the
 * HttpOnly cookie, bad input refused before Cognito is called, and no token in any log line.
 */
class SignInHandlersTest {
    private static final String CLIENT_ID = "1example23456789abcdefghij";
    private static final String ACCESS = "eyJraWQiOiJhY2Nlc3MifQ.access-token-payload.sig";
    private static final String REFRESH_FROM_CODE = "eyJjdHkiOiJKV1QifQ.new-refresh.from-code";
    private static final String REFRESH_IN_COOKIE = "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.refresh-part.secret-refresh-value";

    private final WireMockServer cognito = new WireMockServer(options().dynamicPort());
    private final ApplicationContext context;

    SignInHandlersTest() {
        cognito.start();
        context = LocalBackends.get().newContext(Map.of("nija.sign-in.domain", cognito.baseUrl(),
                "nija.sign-in.client-id", CLIENT_ID));
    }

    @AfterEach
    void stop() {
        context.close();
        cognito.stop();
    }

    @Test
    @DisplayName("a code and verifier become an access token for the script and the refresh token as an HttpOnly cookie")
    void exchangesCode() {
        cognito.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200)
                .withBody("{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + REFRESH_FROM_CODE + "\","
                        + "\"id_token\":\"eyJpZCI6MX0.id.sig\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));

        APIGatewayV2HTTPResponse response;
        try (LogCapture logs = LogCapture.everything()) {
            response = new ExchangeCodeHandler(context).execute(Events.http("api/sign-in-token.json"));
            assertThat(String.join("\n", logs.fullText())).doesNotContain(ACCESS, REFRESH_FROM_CODE,
                    "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        }

        JsonNode body = ok(response);
        assertThat(body.path("accessToken").asText()).isEqualTo(ACCESS);
        assertThat(body.path("expiresIn").asLong()).isEqualTo(3600);
        assertThat(response.getBody()).doesNotContain(REFRESH_FROM_CODE).doesNotContain("refresh");
        assertThat(response.getCookies()).singleElement().asString()
                .startsWith("nija_refresh=" + REFRESH_FROM_CODE + ";")
                .contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/auth");
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
        cognito.verify(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(WireMock.containing("code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .withRequestBody(WireMock.containing("client_id=" + CLIENT_ID))
                .withRequestBody(WireMock.containing(
                        "redirect_uri=https%3A%2F%2Fdashboard.nija.example%2Fauth%2Fcallback")));
    }

    @Test
    @DisplayName("a malformed verifier and a foreign redirect are a 400 problem naming both; Cognito is never called")
    void badInput() {
        APIGatewayV2HTTPResponse response =
                new ExchangeCodeHandler(context).execute(Events.http("api/sign-in-token-bad-verifier.json"));

        JsonNode problem = problem(response, 400, "invalid-input");
        assertThat(problem.findValuesAsText("field")).containsExactly("codeVerifier", "redirectUri");
        assertThat(response.getCookies()).isNull();
        assertThat(cognito.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    @DisplayName("a code Cognito refuses (invalid_grant) is a 401 problem, with no cookie set")
    void refusedCode() {
        cognito.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_grant\"}")));

        APIGatewayV2HTTPResponse response = new ExchangeCodeHandler(context).execute(Events.http("api/sign-in-token.json"));

        assertThat(problem(response, 401, "sign-in-refused").path("oauthError").asText()).isEqualTo("invalid_grant");
        assertThat(response.getCookies()).isNull();
    }

    @Test
    @DisplayName("a reload refreshes from the cookie alone: the refresh token goes to Cognito, an access token comes back")
    void refreshesFromCookie() {
        cognito.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200)
                .withBody("{\"id_token\":\"eyJpZCI6MX0.id.sig\",\"access_token\":\"" + ACCESS + "\","
                        + "\"token_type\":\"Bearer\",\"expires_in\":3600}")));

        APIGatewayV2HTTPResponse response;
        try (LogCapture logs = LogCapture.everything()) {
            response = new RefreshSessionHandler(context).execute(Events.http("api/sign-in-refresh.json"));
            assertThat(String.join("\n", logs.fullText())).doesNotContain(ACCESS, REFRESH_IN_COOKIE);
        }

        assertThat(ok(response).path("accessToken").asText()).isEqualTo(ACCESS);
        assertThat(response.getCookies()).as("Cognito sent no new refresh token: the cookie stays").isNull();
        cognito.verify(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(WireMock.containing("grant_type=refresh_token"))
                .withRequestBody(WireMock.containing("refresh_token=" + REFRESH_IN_COOKIE)));
    }

    @Test
    @DisplayName("a refresh without the cookie is a 401 problem and Cognito is never called")
    void refreshWithoutCookie() {
        APIGatewayV2HTTPEvent event = Events.http("api/sign-in-refresh.json");
        event.setCookies(List.of("theme=dark"));

        problem(new RefreshSessionHandler(context).execute(event), 401, "sign-in-refused");
        assertThat(cognito.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    @DisplayName("sign-out revokes the cookie's refresh token at Cognito and clears the cookie")
    void signsOut() {
        cognito.stubFor(post(urlPathEqualTo("/oauth2/revoke")).willReturn(aResponse().withStatus(200)));

        APIGatewayV2HTTPResponse response = new SignOutHandler(context).execute(Events.http("api/sign-out.json"));

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getCookies()).singleElement().asString().startsWith("nija_refresh=;").contains("Max-Age=0",
                "Path=/auth");
        cognito.verify(postRequestedFor(urlPathEqualTo("/oauth2/revoke"))
                .withRequestBody(WireMock.containing("token=" + REFRESH_IN_COOKIE))
                .withRequestBody(WireMock.containing("client_id=" + CLIENT_ID)));
    }

    @Test
    @DisplayName("Cognito down on sign-out is a 503 problem that keeps the cookie for a retry")
    void signOutWhileCognitoDown() {
        cognito.stubFor(post(urlPathEqualTo("/oauth2/revoke")).willReturn(aResponse().withStatus(503)));

        APIGatewayV2HTTPResponse response = new SignOutHandler(context).execute(Events.http("api/sign-out.json"));

        problem(response, 503, "sign-in-unavailable");
        assertThat(response.getCookies()).isNull();
    }

    @Test
    @DisplayName("where sign-in is not configured (the local platform) the routes answer 503, not 500")
    void notConfigured() {
        APIGatewayV2HTTPResponse response = new RefreshSessionHandler(LocalBackends.get().context())
                .execute(Events.http("api/sign-in-refresh.json"));

        problem(response, 503, "sign-in-unavailable");
    }
}
