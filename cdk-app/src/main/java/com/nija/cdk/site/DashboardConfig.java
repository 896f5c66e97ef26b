package com.nija.cdk.site;

import com.nija.cdk.config.SignIn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard reads from {@code /config.json} in AWS (the local gateway answers {@code {"signIn":"local"}}):
 * how to sign in through Cognito's hosted pages with authorization code + PKCE, and where the live WebSocket is.
 * Nothing secret: a public client has no secret, and every value is visible to anyone who opens the sign-in page.
 *
 * @param region    the user pool's region
 * @param signInUrl the hosted sign-in's base URL ({@code https://<prefix>.auth.<region>.amazoncognito.com})
 * @param wsUrl     the live WebSocket stage ({@code wss://…/live})
 */
public record DashboardConfig(String region, String userPoolId, String clientId, String signInUrl, String wsUrl) {
    /** The scopes the dashboard's user pool client allows. */
    public static final List<String> SCOPES = List.of("openid", "email", "profile");

    public Map<String, Object> json() {
        Map<String, Object> cognito = new LinkedHashMap<>();
        cognito.put("region", region);
        cognito.put("userPoolId", userPoolId);
        cognito.put("clientId", clientId);
        cognito.put("signInUrl", signInUrl);
        cognito.put("authorizeUrl", signInUrl + "/oauth2/authorize");
        cognito.put("tokenUrl", signInUrl + "/oauth2/token");
        cognito.put("logoutUrl", signInUrl + "/logout");
        cognito.put("redirectPath", SignIn.CALLBACK_PATH);
        cognito.put("signOutPath", SignIn.SIGNED_OUT_PATH);
        cognito.put("scopes", SCOPES);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signIn", "cognito");
        json.put("cognito", cognito);
        json.put("wsUrl", wsUrl);
        return json;
    }
}
