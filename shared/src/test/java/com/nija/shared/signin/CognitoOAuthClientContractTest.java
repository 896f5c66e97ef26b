package com.nija.shared.signin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cognito's OAuth endpoints on WireMock, in the shapes of the Amazon Cognito Developer Guide: "The token issuer
 * endpoint" (POST /oauth2/token, form body; "Exchanging an authorization code grant with PKCE for tokens" and
 * "Exchanging a refresh token for tokens"; error {@code {"error": "invalid_grant"}}) and "The token revocation
 * endpoint" (POST /oauth2/revoke, {@code token} and {@code client_id} for a client without a secret; 200 empty body).
 * The stub checks the form itself, field by field, independently of how the client builds it.
 */
class CognitoOAuthClientContractTest {
    static final String CLIENT_ID = "1example23456789abcdefghij";
    // RFC 7636 appendix B's verifier
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String REDIRECT = "https://dash.example.com/auth/callback";
    static final String REFRESH = "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.refresh-part.secret-refresh-value";

    private final WireMockServer cognito = new WireMockServer(options().dynamicPort());
    private final CognitoOAuthClient client;

    CognitoOAuthClientContractTest() {
        cognito.start();
        client = new CognitoOAuthClient(config(cognito.baseUrl()));
    }

    static SignInConfig config(String domain) {
        SignInConfig config = new SignInConfig();
        config.setDomain(domain);
        config.setClientId(CLIENT_ID);
        return config;
    }

    @AfterEach
    void stop() {
        cognito.stop();
    }

    @Test
    @DisplayName("a code is redeemed with the PKCE verifier, client id and redirect URI as a form, and the tokens read")
    void redeemsWithPkce() {
        cognito.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"eyJz9sdfsdfsdfsd\",\"refresh_token\":\"dn43ud8uj32nk2je\","
                        + "\"id_token\":\"dmcxd329ujdmkemkd349r\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));

        SessionTokens tokens = client.redeem("AUTHORIZATION_CODE", VERIFIER, REDIRECT);

        assertThat(tokens.accessToken()).isEqualTo("eyJz9sdfsdfsdfsd");
        assertThat(tokens.idToken()).isEqualTo("dmcxd329ujdmkemkd349r");
        assertThat(tokens.refreshToken()).isEqualTo("dn43ud8uj32nk2je");
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        assertThat(tokens.toString()).doesNotContain("eyJz9sdfsdfsdfsd", "dn43ud8uj32nk2je");
        assertThat(tokens.forBrowser().toString()).doesNotContain("eyJz9sdfsdfsdfsd", "dmcxd329ujdmkemkd349r");
        cognito.verify(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withoutHeader("Authorization"));
        assertThat(form(only())).containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "authorization_code",
                "client_id", CLIENT_ID, "code", "AUTHORIZATION_CODE", "code_verifier", VERIFIER,
                "redirect_uri", REDIRECT));
    }

    @Test
    @DisplayName("a refresh sends the refresh token and client id; Cognito's answer without a refresh token is kept so")
    void refreshes() {
        cognito.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200)
                .withBody("{\"id_token\":\"eyJz9sdfsdfsdfsd\",\"access_token\":\"dmcxd329ujdmkemkd349r\","
                        + "\"token_type\":\"Bearer\",\"expires_in\":3600}")));

        SessionTokens tokens = client.refresh(REFRESH);

        assertThat(tokens.accessToken()).isEqualTo("dmcxd329ujdmkemkd349r");
        assertThat(tokens.refreshToken()).isNull();
        assertThat(form(only())).containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "refresh_token",
                "client_id", CLIENT_ID, "refresh_token", REFRESH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_grant", "invalid_request", "invalid_client", "unauthorized_client"})
    @DisplayName("Cognito's documented OAuth errors are a refused sign-in naming the error, never the code or token")
    void oauthErrorsAreRefusals(String error) {
        cognito.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"error\":\"" + error + "\"}")));

        assertThatThrownBy(() -> client.redeem("AUTHORIZATION_CODE", VERIFIER, REDIRECT))
                .isInstanceOf(SignInRefusedException.class)
                .hasMessageContaining(error)
                .hasMessageNotContaining("AUTHORIZATION_CODE").hasMessageNotContaining(VERIFIER);
        assertThatThrownBy(() -> client.refresh(REFRESH)).isInstanceOf(SignInRefusedException.class)
                .hasMessageNotContaining(REFRESH);
    }

    @Test
    @DisplayName("a 5xx, or a 200 without a Bearer access token, is Cognito unavailable, not a sign-in")
    void unusableAnswers() {
        cognito.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(500)
                .withBody("<html>oops</html>")));
        assertThatThrownBy(() -> client.refresh(REFRESH)).isInstanceOf(SignInUnavailableException.class);

        cognito.resetAll();
        cognito.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200)
                .withBody("{\"id_token\":\"x\",\"token_type\":\"Bearer\"}")));
        assertThatThrownBy(() -> client.refresh(REFRESH)).isInstanceOf(SignInUnavailableException.class);
    }

    @Test
    @DisplayName("revocation posts the refresh token and client id; Cognito's 200 with an empty body is success")
    void revokes() {
        cognito.stubFor(post(urlPathEqualTo("/oauth2/revoke")).willReturn(aResponse().withStatus(200)));

        client.revoke(REFRESH);

        cognito.verify(postRequestedFor(urlPathEqualTo("/oauth2/revoke"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded")));
        assertThat(form(only())).containsExactlyInAnyOrderEntriesOf(Map.of("token", REFRESH, "client_id", CLIENT_ID));
    }

    @Test
    @DisplayName("revocation's unsupported_token_type (400) is a refusal; its invalid_client (401) too")
    void revocationErrors() {
        cognito.stubFor(post(urlPathEqualTo("/oauth2/revoke")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"unsupported_token_type\"}")));
        assertThatThrownBy(() -> client.revoke(REFRESH)).isInstanceOf(SignInRefusedException.class);

        cognito.stubFor(post(urlPathEqualTo("/oauth2/revoke")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\"}")));
        assertThatThrownBy(() -> client.revoke(REFRESH)).isInstanceOf(SignInRefusedException.class);
    }

    @Test
    @DisplayName("without a configured domain and client id nothing is sent and sign-in is unavailable")
    void notConfigured() {
        CognitoOAuthClient unconfigured = new CognitoOAuthClient(new SignInConfig());

        assertThatThrownBy(() -> unconfigured.refresh(REFRESH)).isInstanceOf(SignInUnavailableException.class);
        assertThat(cognito.getAllServeEvents()).isEmpty();
    }

    private LoggedRequest only() {
        List<LoggedRequest> requests = cognito.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** The form as the stub received it, decoded pair by pair. */
    static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> decode(p[0]), p -> decode(p.length > 1 ? p[1] : "")));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
