package com.nija.shared.signin;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Cognito's OAuth endpoints for a public app client (no secret: {@code client_id} in the form body), over the JDK
 * client: {@code POST /oauth2/token} and {@code POST /oauth2/revoke}, both {@code application/x-www-form-urlencoded}.
 * Failures name the endpoint and status only: forms and answers carry codes and tokens.
 */
@Singleton
public class CognitoOAuthClient {
    private final SignInConfig config;
    private final HttpClient http;

    public CognitoOAuthClient(SignInConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Redeems an authorization code with its PKCE verifier (RFC 7636 section 4.5). */
    public SessionTokens redeem(String code, String codeVerifier, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId());
        form.put("code", code);
        form.put("code_verifier", codeVerifier);
        form.put("redirect_uri", redirectUri);
        HttpResponse<String> answer = post("/oauth2/token", form);
        return CognitoAnswers.tokens(answer.statusCode(), answer.body());
    }

    public SessionTokens refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId());
        form.put("refresh_token", refreshToken);
        HttpResponse<String> answer = post("/oauth2/token", form);
        return CognitoAnswers.tokens(answer.statusCode(), answer.body());
    }

    /** Revokes the refresh token and every access token issued from it. */
    public void revoke(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", refreshToken);
        form.put("client_id", clientId());
        HttpResponse<String> answer = post("/oauth2/revoke", form);
        CognitoAnswers.revoked(answer.statusCode(), answer.body());
    }

    private String clientId() {
        if (!config.configured()) {
            throw new SignInUnavailableException("Sign-in through Cognito is not configured here");
        }
        return config.getClientId();
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.getDomain() + path))
                .timeout(config.getTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SignInUnavailableException("Cognito " + path + " unavailable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInUnavailableException("interrupted while calling Cognito " + path);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
